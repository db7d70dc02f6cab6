/**
 * A population of complainants over REAL complaint texts (../shared/data), with planted identities — the set the
 * abnormal-complainant score is fitted and measured on (scripts/eval-risk-planted.ts). The texts are real; who
 * filed them, when, against which shop, and the punitive-damage sentences are planted (the real sets hold almost
 * none: 10 of ~60k texts), so every figure on this set says how the model ranks *these* identities, nothing more.
 *
 * Roles (each person is identified the way a hotline sees them: a name and a phone, no source id):
 * - profit: repeat punitive claimants — 6–20 tickets against many shops, most ending in a 十倍/退一赔三 demand, half
 *   of them reusing one letter (the same base text with the shop and date changed), a third buying in bulk;
 * - honest: heavy honest complainants — 10–40 real complaints across many businesses, follow-ups to one business,
 *   at most one punitive demand, or (a third of them) one dispute fought for damages: 3–4 demands against one business;
 * - oneoff: one punitive demand among 1–4 complaints;
 * - household: 2–3 names sharing one phone, 1–3 complaints each;
 * - ordinary: everyone else, 1–5 complaints (a small base rate of one punitive sentence).
 * Texts are split in two halves by a hash of their id (`half` A or B) so that weights fitted on one half are
 * measured on people built from the other half's texts.
 */
import { createHash } from 'node:crypto';
import type { TifTicket } from '../shared/tif.js';
import { loadTif } from '../server/platform/tif/index.js';

export type Role = 'profit' | 'honest' | 'oneoff' | 'household' | 'ordinary';
export interface Planted {
  tickets: TifTicket[];
  role: Map<string, Role>;
  byPhone: Map<string, string>;
}

const DATA = new URL('../../shared/data/', import.meta.url);
const FILES = [
  'online-shopping.tif.jsonl.gz',
  'waimai.tif.jsonl.gz',
  'car-complaints.tif.jsonl.gz',
  'heimao-furnishing.tif.jsonl.gz',
];

const PUNITIVE = [
  '要求商家按照《食品安全法》第一百四十八条支付价款十倍的赔偿。',
  '根据《消费者权益保护法》第五十五条，要求退一赔三。',
  '要求退款并给予三倍赔偿。',
  '商家构成欺诈，要求依法承担惩罚性赔偿责任。',
  '要求退货退款并按价款十倍赔偿，不足一千元按一千元计。',
  '要求假一赔十。',
];
const BULK = ['一次购买了20箱', '分三次共买了48瓶', '买了30盒', '购买了15件'];
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红梅鹏飞海燕雪琳晨浩宇欣怡子轩梓涵一诺';

/** A seeded PRNG (mulberry32): the same seed builds the same population. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const halfOf = (id: string): 'A' | 'B' => (createHash('sha1').update(id).digest()[0]! & 1 ? 'B' : 'A');

/** Real complaint-like texts: negative reviews, 车质网 and 黑猫 complaints (positive reviews are not complaints). */
export async function realTexts(half: 'A' | 'B' | 'all'): Promise<TifTicket[]> {
  const { tickets } = await loadTif(FILES.map((f) => new URL(f, DATA).pathname));
  return tickets.filter((t) => {
    const txt = (t.title ?? '') + (t.text ?? '');
    if (txt.length < 12 || t.labels?.sentiment === 'positive') return false;
    return half === 'all' || halfOf(t.id) === half;
  });
}

/** The shop a text is filed against: the real one where the source names it, else one of a few hundred per kind. */
function shopOf(t: TifTicket, r: () => number): string {
  if (t.respondent?.name) return t.respondent.name;
  const kind = t.labels?.product ?? (t.id.startsWith('wm-') ? '外卖' : '网店');
  return `上海${kind}商户${Math.floor(r() * 300)}号店`;
}

export function plant(
  texts: TifTicket[],
  o: { seed: number; profit?: number; honest?: number; oneoff?: number; households?: number; people?: number },
): Planted {
  const r = rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const pool = [...texts];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  let next = 0;
  const take = (): TifTicket => pool[next++ % pool.length]!;
  const out: TifTicket[] = [];
  const role = new Map<string, Role>();
  const byPhone = new Map<string, string>();
  let pn = 0;
  const t0 = Date.parse('2025-01-01T00:00:00+08:00');
  const at = (d: number) => new Date(t0 + d * 86_400_000 + int(8, 20) * 3_600_000 + int(0, 59) * 60_000).toISOString();
  const person = (ro: Role, phone?: string): { id: string; name: string; phone: string } => {
    const id = `${ro}-${pn++}`;
    const p = {
      id,
      name: pick([...SURNAMES]) + pick([...GIVEN]) + (r() < 0.5 ? pick([...GIVEN]) : ''),
      phone: phone ?? `13${String(100_000_000 + pn * 7919).slice(-9)}`,
    };
    role.set(id, ro);
    return p;
  };
  let tn = 0;
  const file = (
    p: { id: string; name: string; phone: string },
    base: TifTicket,
    day: number,
    extra = '',
    shop?: string,
  ) => {
    byPhone.set(`${p.phone}|${p.name}`, p.id);
    out.push({
      id: `P${tn++}`,
      kind: 'complaint',
      received_at: at(day),
      title: base.title,
      text: (base.text ?? '') + extra,
      complainant: { name: p.name, phone: p.phone },
      respondent: { name: shop ?? shopOf(base, r) },
      labels: base.labels?.product ? { product: base.labels.product } : undefined,
    });
  };
  for (let i = 0; i < (o.profit ?? 43); i++) {
    const p = person('profit');
    const n = int(6, 20);
    const share = 0.5 + 0.5 * r();
    const letter = r() < 0.5 ? take() : null;
    const bulk = r() < 0.33;
    const style = pick(PUNITIVE);
    const start = int(0, 200);
    for (let k = 0; k < n; k++) {
      const base = letter ?? take();
      const shop = `上海${base.labels?.product ?? '网店'}商户${int(0, 299)}号店`;
      const pre = letter ? `${int(1, 12)}月${int(1, 28)}日在${shop}购买。` : '';
      const demand = r() < share ? (r() < 0.8 ? style : pick(PUNITIVE)) : '';
      file(
        p,
        { ...base, text: pre + (bulk && r() < 0.6 ? pick(BULK) + '，' : '') + (base.text ?? '') },
        start + Math.floor(k * int(2, 12)),
        demand,
        letter ? shop : undefined,
      );
    }
  }
  for (let i = 0; i < (o.honest ?? 60); i++) {
    const p = person('honest');
    const n = int(10, 40);
    const punitiveAt = r() < 0.5 ? int(0, n - 1) : -1;
    // a third fight one dispute for damages: three or four demands of 退一赔三/十倍 against the same business
    const dispute = r() < 0.33 ? int(3, 4) : 0;
    const disputeShop = `上海${pick(['家电', '食品', '家具'])}商户${int(0, 299)}号店`;
    let last: TifTicket | null = null;
    for (let k = 0; k < n; k++) {
      // follow-ups: a third of an honest heavy complainant's tickets return to the business of the one before
      const base: TifTicket = last && r() < 0.33 ? { ...take(), respondent: { name: shopOf(last, r) } } : take();
      last = base;
      const fight = k < dispute;
      file(
        p,
        base,
        Math.floor((k * 365) / n) + int(0, 5),
        fight || k === punitiveAt ? pick(PUNITIVE) : '',
        fight ? disputeShop : undefined,
      );
    }
  }
  for (let i = 0; i < (o.oneoff ?? 400); i++) {
    const p = person('oneoff');
    const n = int(1, 4);
    const which = int(0, n - 1);
    const start = int(0, 330);
    for (let k = 0; k < n; k++) file(p, take(), start + k * int(1, 10), k === which ? pick(PUNITIVE) : '');
  }
  for (let i = 0; i < (o.households ?? 150); i++) {
    const phone = `139${String(10_000_000 + i * 104_729).slice(-8)}`;
    const m = int(2, 3);
    for (let j = 0; j < m; j++) {
      const p = person('household', phone);
      const n = int(1, 3);
      for (let k = 0; k < n; k++) file(p, take(), int(0, 364));
    }
  }
  const people = o.people ?? 12_000;
  for (let i = 0; i < people; i++) {
    const p = person('ordinary');
    // 1–5 tickets, geometric: most people complain once
    let n = 1;
    while (n < 5 && r() < 0.3) n++;
    const start = int(0, 360);
    for (let k = 0; k < n; k++)
      file(p, take(), Math.min(364, start + k * int(1, 20)), r() < 0.004 ? pick(PUNITIVE) : '');
  }
  out.sort((a, b) => a.received_at.localeCompare(b.received_at));
  return { tickets: out, role, byPhone };
}
