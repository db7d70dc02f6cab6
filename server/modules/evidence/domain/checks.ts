/**
 * Evidence checks on uploaded images (BRIEF capability 9; 沪市监 reply to proposal 0462 on AI-faked evidence).
 * Every result is a flag with an explanation for the officer — never a rejection: labels can be stripped, and a
 * genuine photo can be edited for innocent reasons. What the flags point to still has to be verified.
 */
import { exifDateToIso, readExif, type ExifTags } from './exif.js';
import { readMeta, type ImageMeta } from './metadata.js';
import { hamming, hashImage, type ImageHashes } from './phash.js';

export type FlagCode =
  | 'aigc_label'
  | 'iptc_ai_source'
  | 'c2pa_manifest'
  | 'c2pa_ai_action'
  | 'ai_generator'
  | 'edited'
  | 'captured_before_purchase'
  | 'captured_after_report'
  | 'no_capture_date'
  | 'reused_image'
  | 'undecodable';

export interface EvidenceFlag {
  code: FlagCode;
  label: string;
  severity: 'info' | 'attention';
  explanation: string;
}

export const FLAG_LABELS: Record<FlagCode, string> = {
  aigc_label: '含人工智能生成合成内容隐式标识(AIGC)',
  iptc_ai_source: 'IPTC数字来源类型为AI生成',
  c2pa_manifest: '含C2PA内容凭证',
  c2pa_ai_action: 'C2PA内容凭证声明由AI生成',
  ai_generator: '元数据显示由AI生成工具产生',
  edited: '经图片编辑软件处理',
  captured_before_purchase: '拍摄时间早于所称购买日期',
  captured_after_report: '拍摄时间晚于投诉提交时间',
  no_capture_date: '无拍摄时间(截图或元数据已清除)',
  reused_image: '同一图片用于不同诉求',
  undecodable: '图片无法解码',
};

const flag = (code: FlagCode, severity: EvidenceFlag['severity'], explanation: string): EvidenceFlag => ({
  code,
  label: FLAG_LABELS[code],
  severity,
  explanation,
});

/** AI generators and their fingerprints in metadata (Software tags, text-chunk keys, XMP). */
const GENERATOR_RE =
  /(stable[\s-]?diffusion|midjourney|dall[\s·-]?e|novelai|comfyui|automatic1111|invokeai|fooocus|firefly|imagen|gemini|flux(\.1)?[\s-](dev|pro|schnell)|leonardo\.ai|ideogram|runway|sora|gpt-4o|openai|文心一格|通义万相|即梦|可灵|豆包|混元|hunyuan|jimeng|kling|doubao|wanx|seedream|tongyi)/i;
const EDITOR_RE = /(photoshop|lightroom|gimp|美图秀秀|meitu|醒图|picsart|snapseed|canva|pixelmator|affinity photo)/i;
const IPTC_AI_RE = /(trainedAlgorithmicMedia|compositeWithTrainedAlgorithmicMedia|algorithmicMedia|compositeSynthetic)/;

export interface ImageContext {
  /** the purchase date the complainant states (YYYY-MM-DD), e.g. from prefill */
  purchaseDate?: string;
  /** when the ticket was received (ISO) */
  receivedAt?: string;
  /** refuse to decode pictures whose header promises more pixels (default 40 MP) */
  maxPixels?: number;
}

export interface ImageReport {
  format: ImageMeta['format'];
  hashes: ImageHashes | null;
  /** false for near-uniform pictures, whose hashes match anything */
  informative: boolean;
  exif: ExifTags;
  capturedAt: string | null;
  flags: EvidenceFlag[];
}

/** The AIGC implicit label: a JSON object with Label/ContentProducer/ProduceID (GB 45438-2025 metadata label). */
export function findAigcLabel(text: string): Record<string, string> | null {
  const i = text.search(/AIGC/);
  if (i < 0 || !/(ContentProducer|ProduceID|"Label")/.test(text)) return null;
  const j = text.indexOf('{', i);
  const k = j >= 0 ? text.indexOf('}', j) : -1;
  if (j < 0 || k < 0) return { raw: text.slice(i, i + 200) };
  const body = text.slice(j, k + 1).replace(/&quot;/g, '"');
  try {
    const o = JSON.parse(body) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(o).map(([a, b]) => [a, String(b)]));
  } catch {
    return { raw: body.slice(0, 200) };
  }
}

const AIGC_LABEL_VALUES: Record<string, string> = {
  '1': '属于人工智能生成合成内容',
  '2': '可能为人工智能生成合成内容',
  '3': '疑似为人工智能生成合成内容',
};

export function checkImage(buf: Buffer, ctx: ImageContext = {}): ImageReport {
  const meta = readMeta(buf);
  const flags: EvidenceFlag[] = [];
  let hashes: ImageHashes | null = null;
  let informative = false;
  try {
    hashes = hashImage(buf, ctx.maxPixels);
    informative = !/^0+$/.test(hashes.dhash) || !/^0+$/.test(hashes.phash);
  } catch (e) {
    flags.push(flag('undecodable', 'info', `无法解码图片像素（${(e as Error).message}），未计算感知哈希`));
  }
  const exif: ExifTags = {};
  for (const b of meta.exif) Object.assign(exif, readExif(b));
  const texts = meta.texts.map((t) => ({ ...t, all: `${t.key} ${t.value}` }));
  if (exif.software) texts.push({ where: 'EXIF Software', key: 'Software', value: exif.software, all: exif.software });
  if (exif.description)
    texts.push({
      where: 'EXIF ImageDescription',
      key: 'ImageDescription',
      value: exif.description,
      all: exif.description,
    });

  for (const t of texts) {
    const label = findAigcLabel(t.all);
    if (label) {
      const meaning = label['Label'] ? (AIGC_LABEL_VALUES[label['Label']] ?? `Label=${label['Label']}`) : '含AIGC标识';
      flags.push(
        flag(
          'aigc_label',
          'attention',
          `${t.where}中含AIGC隐式标识：${meaning}` +
            `${label['ContentProducer'] ? `，生成服务提供者编码 ${label['ContentProducer']}` : ''}${label['ProduceID'] ? `，内容编号 ${label['ProduceID']}` : ''}` +
            '（依据《人工智能生成合成内容标识办法》及GB 45438-2025）',
        ),
      );
      break;
    }
  }
  const iptc = texts.find((t) => IPTC_AI_RE.test(t.all));
  if (iptc)
    flags.push(
      flag(
        'iptc_ai_source',
        'attention',
        `${iptc.where}声明数字来源类型为 ${IPTC_AI_RE.exec(iptc.all)![1]}（IPTC DigitalSourceType：由训练的算法模型生成）`,
      ),
    );
  const c2pa = meta.jumbf.filter((j) =>
    j.labels.some((l) => l === 'c2pa' || l.startsWith('c2pa') || l.startsWith('urn:uuid') || l.includes('c2pa')),
  );
  if (c2pa.length) {
    const labels = [...new Set(c2pa.flatMap((j) => j.labels))].slice(0, 6).join(', ');
    flags.push(
      flag('c2pa_manifest', 'info', `${c2pa[0]!.where}含C2PA内容凭证（JUMBF标签：${labels}），应核验其签名与操作记录`),
    );
  }
  const rawAll = buf.length <= 16 * 1024 * 1024 ? buf.toString('latin1') : '';
  if ((c2pa.length || meta.jumbf.length) && IPTC_AI_RE.test(rawAll) && !iptc) {
    flags.push(
      flag('c2pa_ai_action', 'attention', 'C2PA内容凭证的操作记录声明数字来源为AI生成（trainedAlgorithmicMedia）'),
    );
  }
  const gen = texts.find(
    (t) =>
      GENERATOR_RE.test(t.all) ||
      (t.key === 'parameters' && /Steps:.*Sampler:/s.test(t.value)) ||
      t.key === 'prompt' ||
      t.key === 'workflow',
  );
  if (gen) {
    const name =
      GENERATOR_RE.exec(gen.all)?.[1] ??
      (gen.key === 'parameters' ? 'Stable Diffusion WebUI 生成参数' : 'ComfyUI 工作流');
    flags.push(flag('ai_generator', 'attention', `${gen.where}（${gen.key}）显示生成工具：${name}`));
  }
  const editor = texts.find((t) => EDITOR_RE.test(t.all));
  if (editor)
    flags.push(
      flag(
        'edited',
        'info',
        `${editor.where}显示经 ${EDITOR_RE.exec(editor.all)![1]} 处理；编辑不等于伪造，需结合原图核实`,
      ),
    );

  const capturedAt = exifDateToIso(exif.dateTimeOriginal ?? exif.dateTimeDigitized);
  if (capturedAt) {
    const capDay = capturedAt.slice(0, 10);
    if (ctx.purchaseDate && capDay < ctx.purchaseDate) {
      flags.push(
        flag(
          'captured_before_purchase',
          'attention',
          `照片EXIF拍摄时间 ${capturedAt} 早于投诉所称购买日期 ${ctx.purchaseDate}`,
        ),
      );
    }
    if (ctx.receivedAt && Date.parse(capturedAt + '+08:00') > Date.parse(ctx.receivedAt) + 86_400_000) {
      flags.push(
        flag(
          'captured_after_report',
          'info',
          `照片EXIF拍摄时间 ${capturedAt} 晚于投诉提交时间 ${ctx.receivedAt}（也可能是相机时钟错误）`,
        ),
      );
    }
  } else if (meta.format === 'jpeg') {
    flags.push(flag('no_capture_date', 'info', 'JPEG图片无EXIF拍摄时间（截图、转存或清除元数据），无法核对拍摄日期'));
  }
  return { format: meta.format, hashes, informative, exif, capturedAt, flags };
}

export interface ImageItem {
  ticket_id: string;
  person?: string;
  image_id?: string;
  hashes: ImageHashes;
  informative?: boolean;
}
export interface ReuseGroup {
  items: ImageItem[];
  tickets: string[];
  persons: string[];
  maxDistance: number;
}

/**
 * Groups images that are the same picture (dHash distance ≤ maxDistance and pHash ≤ maxDistance + 4) used in
 * different tickets. Candidates come from 8 one-byte bands of the dHash (pigeonhole: distance ≤ 7 shares a band).
 */
export function findReuse(items: ImageItem[], maxDistance = 6): ReuseGroup[] {
  const usable = items.filter((it) => it.informative !== false);
  const parent = usable.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const dist = new Map<number, number>();
  const bands = new Map<string, number[]>();
  usable.forEach((it, i) => {
    for (let b = 0; b < 8; b++) {
      const key = b + ':' + it.hashes.dhash.slice(b * 2, b * 2 + 2);
      const l = bands.get(key);
      if (l) l.push(i);
      else bands.set(key, [i]);
    }
  });
  for (const l of bands.values()) {
    for (let a = 0; a < l.length; a++)
      for (let b = a + 1; b < l.length; b++) {
        const i = l[a]!,
          j = l[b]!;
        if (find(i) === find(j)) continue;
        const d = hamming(usable[i]!.hashes.dhash, usable[j]!.hashes.dhash);
        if (d > maxDistance || hamming(usable[i]!.hashes.phash, usable[j]!.hashes.phash) > maxDistance + 4) continue;
        const ri = find(i),
          rj = find(j);
        parent[ri] = rj;
        dist.set(rj, Math.max(dist.get(rj) ?? 0, dist.get(ri) ?? 0, d));
      }
  }
  const groups = new Map<number, ImageItem[]>();
  usable.forEach((it, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(it);
    else groups.set(r, [it]);
  });
  const out: ReuseGroup[] = [];
  for (const [r, g] of groups) {
    const tickets = [...new Set(g.map((x) => x.ticket_id))];
    if (tickets.length < 2) continue;
    out.push({
      items: g,
      tickets,
      persons: [...new Set(g.map((x) => x.person).filter((p): p is string => !!p))],
      maxDistance: dist.get(r) ?? 0,
    });
  }
  return out;
}

/** One flag per ticket whose picture also appears in other tickets (the officer compares the claims). */
export function reuseFlags(groups: ReuseGroup[]): Map<string, EvidenceFlag[]> {
  const out = new Map<string, EvidenceFlag[]>();
  for (const g of groups) {
    for (const t of g.tickets) {
      const others = g.tickets.filter((x) => x !== t);
      const f = flag(
        'reused_image',
        'attention',
        `同一图片（感知哈希距离≤${g.maxDistance}）还出现在工单 ${others.slice(0, 5).join('、')}${others.length > 5 ? ` 等${others.length}件` : ''}` +
          (g.persons.length > 1 ? `，涉及${g.persons.length}名不同投诉人` : ''),
      );
      const l = out.get(t);
      if (l) l.push(f);
      else out.set(t, [f]);
    }
  }
  return out;
}

/**
 * The per-ticket lines the risk model's 证据材料疑似伪造 criterion takes (`scorePersons(…, {evidence})`): only
 * 'attention' flags — an info note such as a missing EXIF date is no sign of fabrication.
 */
export function riskEvidence(flags: Map<string, EvidenceFlag[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [ticket, fs] of flags) {
    const lines = fs.filter((f) => f.severity === 'attention').map((f) => `${f.label}：${f.explanation}`);
    if (lines.length) out.set(ticket, lines);
  }
  return out;
}
