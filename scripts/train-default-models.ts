/**
 * Regenerates the shipped default models (models/*.model.json.gz) for kind, goods_service and problem from REAL
 * labelled text in ../shared/data, mapped onto the 12315 taxonomy (the mapping is below and in models/manifest.json),
 * with the simulated city only as a supplement for classes no real set covers. Trains on the 80 % side of the usual
 * split (hash of id) and reports held-out macro-F1 on the real 20 % of each source, and on a second simulated city.
 * Hashed features at 2^16 buckets and int8 weights keep each file small. Run: npx tsx scripts/train-default-models.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTif } from '../server/platform/tif/index.js';
import { evaluateModel, isHeldOut, saveModel, trainClassifier } from '../server/modules/text/index.js';
import type { TifTicket } from '../shared/tif.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const data = join(root, '../shared/data');
const arg = process.argv.indexOf('--sim');
const SIM = arg > 0 ? Number(process.argv[arg + 1]) : 12000;

/** online-shopping product kinds → 12315 goods categories (家用电子电器类 covers phones, tablets and computers) */
const SHOPPING: Record<string, string> = {
  书籍: '首饰及文体用品类',
  平板: '家用电子电器类',
  手机: '家用电子电器类',
  计算机: '家用电子电器类',
  热水器: '家用电子电器类',
  水果: '食品类',
  蒙牛: '食品类',
  洗发水: '日用商品类',
  衣服: '服装鞋帽类',
  酒店: '生活、社会服务类',
};
/** 黑猫 problem tags (first tag) → 12315 problem types; tags that map to no single type are left out */
const HEIMAO_PROBLEM: Record<string, string> = {
  退款问题: '合同',
  不予退款: '合同',
  霸王条款: '合同',
  逾期未发货: '合同',
  虚假宣传: '虚假宣传',
  广告促销误导消费: '虚假宣传',
  产品质量问题: '质量',
  甲醛超标: '质量',
  售后服务: '售后服务',
  售后服务质量: '售后服务',
  售后不及时: '售后服务',
  客服不处理: '售后服务',
  服务不到位: '售后服务',
  服务效率: '售后服务',
  态度恶劣: '售后服务',
  收费问题: '价格',
  价格问题: '价格',
  威胁恐吓: '人格权益',
  电话骚扰: '人格权益',
};

interface Source {
  name: string;
  tickets: TifTicket[];
  mapping: string;
}

async function load(file: string): Promise<TifTicket[]> {
  return (await loadTif([join(data, file)])).tickets;
}
const withLabel = (ts: TifTicket[], label: string, f: (t: TifTicket) => string | undefined): TifTicket[] =>
  ts.flatMap((t) => {
    const v = f(t);
    return v ? [{ ...t, labels: { [label]: v } }] : [];
  });

const dir = mkdtempSync(join(tmpdir(), 'xiezhi-models-'));
function sim(seed: number, n: number): string {
  const out = join(dir, `sim-${seed}.jsonl`);
  execFileSync(
    process.execPath,
    [join(root, 'bin/xiezhi.js'), 'simulate', '--tickets', String(n), '--seed', String(seed), '--out', out],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return out;
}

try {
  const shopping = await load('online-shopping.tif.jsonl.gz');
  const waimai = await load('waimai.tif.jsonl.gz');
  const heimao = await load('heimao-furnishing.tif.jsonl.gz');
  const car = await load('car-complaints.tif.jsonl.gz');
  const fuzhou = await load('fuzhou-12345.tif.jsonl.gz');
  const simTrain = (await loadTif([sim(7, SIM)])).tickets;
  const simTest = (await loadTif([sim(8, Math.round(SIM / 3))])).tickets;

  const sources: Record<string, Source[]> = {
    goods_service: [
      {
        name: 'online-shopping',
        tickets: withLabel(shopping, 'goods_service', (t) => SHOPPING[t.labels?.product ?? '']),
        mapping: JSON.stringify(SHOPPING),
      },
      {
        name: 'waimai',
        tickets: withLabel(waimai, 'goods_service', () => '生活、社会服务类'),
        mapping: 'food delivery reviews → 生活、社会服务类 (餐饮服务)',
      },
      {
        name: 'heimao-furnishing',
        tickets: withLabel(heimao, 'goods_service', (t) =>
          t.labels?.business === '曲美家居' ? '房屋及建材类' : '房屋装修及物业服务类',
        ),
        mapping: '曲美家居 (furniture) → 房屋及建材类; the renovation firms → 房屋装修及物业服务类',
      },
      {
        name: 'car-complaints',
        tickets: withLabel(car, 'goods_service', () => '交通工具类'),
        mapping: 'vehicle quality complaints → 交通工具类',
      },
    ],
    problem: [
      {
        name: 'heimao-furnishing',
        tickets: withLabel(
          heimao,
          'problem',
          (t) => HEIMAO_PROBLEM[t.labels?.problem?.split(/[,，]/)[0]?.trim() ?? ''],
        ),
        mapping: JSON.stringify(HEIMAO_PROBLEM),
      },
      {
        name: 'car-complaints',
        tickets: withLabel(car, 'problem', (t) =>
          /^[A-H]\d+/.test(t.labels?.problem_codes ?? '') ? '质量' : undefined,
        ),
        mapping: 'problem codes A–H (engine … body and electrics) → 质量',
      },
    ],
    kind: [
      {
        name: 'fuzhou-12345',
        tickets: withLabel(fuzhou, 'kind', (t) => t.labels?.kind),
        mapping: "the hotline's own kind (complaint/report/consultation/suggestion/help)",
      },
      {
        name: 'heimao-furnishing',
        tickets: withLabel(heimao, 'kind', () => 'complaint'),
        mapping: '黑猫 complaints → complaint',
      },
      {
        name: 'car-complaints',
        tickets: withLabel(car, 'kind', () => 'complaint'),
        mapping: '车质网 complaints → complaint',
      },
    ],
  };

  const manifest: Record<string, unknown> = {};
  for (const label of ['kind', 'goods_service', 'problem']) {
    const real = sources[label]!;
    const simLab = withLabel(simTrain, label, (t) => (label === 'kind' ? t.kind : t.labels?.[label]));
    const train = [...real.flatMap((s) => s.tickets.filter((t) => !isHeldOut(t.id))), ...simLab];
    const c0 = process.cpuUsage();
    const m = trainClassifier(train, label, { method: 'xiezhi', bits: 16 });
    const cpu = process.cpuUsage(c0);
    const file = join(root, 'models', `${label}.model.json.gz`);
    const tests: Record<string, unknown> = {};
    const pooled = real.flatMap((s) => s.tickets.filter((t) => isHeldOut(t.id)));
    const rp = evaluateModel(m, pooled);
    tests['real held-out (pooled)'] = {
      n: rp.n,
      accuracy: rp.accuracy,
      macro_f1: rp.macro_f1,
      not_sure_rate: rp.not_sure_rate,
      per_class_f1: Object.fromEntries(Object.entries(rp.per_class).map(([k, v]) => [k, v.f1])),
    };
    for (const s of real) {
      const r = evaluateModel(
        m,
        s.tickets.filter((t) => isHeldOut(t.id)),
      );
      tests[s.name] = { n: r.n, accuracy: r.accuracy, macro_f1: r.macro_f1, not_sure_rate: r.not_sure_rate };
    }
    const rs = evaluateModel(
      m,
      withLabel(simTest, label, (t) => (label === 'kind' ? t.kind : t.labels?.[label])),
    );
    tests[`simulate --seed 8 --tickets ${Math.round(SIM / 3)}`] = {
      n: rs.n,
      accuracy: rs.accuracy,
      macro_f1: rs.macro_f1,
      not_sure_rate: rs.not_sure_rate,
    };
    m.metrics = rp;
    saveModel(m, file);
    manifest[label] = {
      file: `models/${label}.model.json.gz`,
      version: m.version,
      classes: m.classes.length,
      bytes: statSync(file).size,
      trained_on: [
        ...real.map((s) => ({
          source: `../shared/data/${s.name}`,
          n_train: s.tickets.filter((t) => !isHeldOut(t.id)).length,
          mapping: s.mapping,
        })),
        {
          source: `simulate --seed 7 --tickets ${SIM} (supplement: classes no real set covers)`,
          n_train: simLab.length,
        },
      ],
      split: 'train = fmix32(fnv1a(id)) % 100 >= 20; test = the other 20 % (real sources), a second simulated city',
      train_cpu_s: Math.round(((cpu.user + cpu.system) / 1e6) * 10) / 10,
      threshold: Math.round(m.threshold * 1000) / 1000,
      test: tests,
    };
    console.log(label, JSON.stringify(manifest[label]));
  }
  writeFileSync(
    join(root, 'models', 'manifest.json'),
    JSON.stringify({ generated_by: 'scripts/train-default-models.ts', models: manifest }, null, 2) + '\n',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
