/**
 * Early warning on real histories (issue 10): `npx tsx scripts/eval-warning-real.ts [--only tx|fuzhou|heimao|car] [--data DIR]`.
 *
 * For each real set: alerts per 100 subject-years on the history as it is, and PD on bursts injected into it, shaped
 * like the phenomena the issue names:
 * - fuzhou-12345 (a hotline board, places only in the text): residents of one housing estate (57 people over three
 *   weeks) and neighbours of a concrete plant (44 people over six weeks), the subject named only in the text, no
 *   respondent field, no account ids; found = an alert naming the estate/plant within 7 days of the burst's start.
 * - tx-insurance as a 741-company history over 2022–2026: the set has no company names, so each ticket is given one
 *   of 741 insurers — Zipf sizes, each writing 1–4 real lines of business (coverage_level), its share drifting from
 *   month to month (log-share random walk, sd 0.15 a month), so line-of-business swings (storms, the IDR wave) and
 *   drift reach the insurers as they would. The real dates, volumes, lines and keyword texts are kept; the identities
 *   are synthetic, so this is an honest null for the alert count only as far as that drift model is. Injected: one
 *   insurer's surge (its complaints ×3 for three weeks, at least 12 extra people); found within 21 days.
 * - heimao-furnishing (bursts at single branches): 8 people within 10 days naming one outlet of a real brand.
 * - car-complaints: the real B-pillar wave, unaided.
 * The last line printed is JSON.
 */
import { parseArgs } from 'node:util';
import type { MineAlert, TifTicket } from '../shared/tif.js';
import { loadTif } from '../server/platform/tif/index.js';
import {
  replayAlerts,
  subjectsOf,
  TopicKeywords,
  KnownEstates,
  WarningEngine,
  dayIndex,
  dayString,
} from '../server/modules/early-warning/index.js';
import { mulberry32 } from '../shared/random.js';

const { values: args } = parseArgs({ options: { only: { type: 'string' }, data: { type: 'string' } } });
const DATA = args.data ?? new URL('../../shared/data/', import.meta.url).pathname;
const load = async (f: string) => (await loadTif([`${DATA}${f}.tif.jsonl.gz`])).tickets;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const dayOf = (t: TifTicket) => WarningEngine.dayOf(t);
const results: Record<string, unknown>[] = [];

/** Alerts per 100 subject-years, per subject type: a subject's years run from its first ticket to the end of the set. */
function ratePerType(tickets: TifTicket[], alerts: MineAlert[]): Record<string, unknown> {
  const first = new Map<string, number>();
  let end = -Infinity;
  const topics = new TopicKeywords();
  const estates = new KnownEstates();
  for (const t of [...tickets].sort((a, b) => (dayOf(a) < dayOf(b) ? -1 : 1))) {
    const d = dayIndex(dayOf(t));
    end = Math.max(end, d);
    for (const s of subjectsOf(t, topics, estates))
      if (s.type !== 'topic') {
        const k = `${s.type}|${s.key}`;
        if (!first.has(k)) first.set(k, d);
      }
  }
  const years: Record<string, number> = {};
  for (const [k, d] of first) {
    const type = k.slice(0, k.indexOf('|'));
    years[type] = (years[type] ?? 0) + (end - d + 1) / 365.25;
  }
  const out: Record<string, unknown> = { alerts: alerts.length };
  for (const type of ['respondent', 'location', 'category', 'topic']) {
    const n = alerts.filter((a) => a.subject.type === type).length;
    out[type] =
      type === 'topic'
        ? n
        : {
            alerts: n,
            subject_years: round(years[type] ?? 0, 0),
            per_100_subject_years: round((100 * n) / Math.max(1e-9, years[type] ?? 0), 3),
          };
  }
  return out;
}

function show(alerts: MineAlert[], n = 12) {
  for (const a of alerts.slice(0, n))
    console.log(
      `  ${a.detected_at} ${a.subject.type}:${a.subject.label} ${a.window_start}…${a.window_end} people ${a.complainants} expected ${a.expected} score ${a.score}`,
    );
}

/** Days from `start` to the first alert whose evidence holds an injected ticket of `prefix` and names `want`. */
function found(
  alerts: MineAlert[],
  prefix: string,
  start: number,
  want: (a: MineAlert) => boolean,
): number | undefined {
  let best: number | undefined;
  for (const a of alerts) {
    if (!a.ticket_ids.some((id) => id.startsWith(prefix)) || !want(a)) continue;
    const d = Math.max(0, dayIndex(a.detected_at) - start);
    if (best === undefined || d < best) best = d;
  }
  return best;
}

const ESTATES = [
  '翠湖湾',
  '金辉花园',
  '融侨锦江',
  '阳光城丽景湾',
  '万科城市花园',
  '泰禾红树林',
  '世茂云城',
  '保利香槟国际',
  '中庚香海小区',
  '建发央著',
];
const PLANTS = ['城东混凝土搅拌站', '盖山搅拌站', '金山建材厂', '鼓山沥青搅拌站', '新店石材厂'];
const ESTATE_TEXTS = [
  (p: string) => `我是${p}业主，开发商把车位和储藏室捆绑销售，不买就不给办理停车，要求有关部门查处`,
  (p: string) => `反映${p}小区车位只售不租，物业强制捆绑销售车位，业主无法停车`,
  (p: string) => `${p}开发商捆绑销售车位，违反规定，请求相关部门调查处理`,
  (p: string) => `投诉${p}车位捆绑销售问题，交房时被要求必须买车位，否则不交钥匙`,
];
const PLANT_TEXTS = [
  (p: string) => `${p}夜间施工噪音扰民，严重影响附近居民休息，望尽快处理`,
  (p: string) => `投诉${p}每天凌晨还在作业，噪音和粉尘很大`,
  (p: string) => `我家旁边的${p}半夜搅拌机轰鸣，孩子无法睡觉，请求关停`,
];

async function fuzhou() {
  const base = await load('fuzhou-12345');
  console.log(`\n== fuzhou-12345 (${base.length} tickets)`);
  const plain = replayAlerts(base);
  const rate = ratePerType(base, plain);
  console.log(JSON.stringify(rate));
  show(plain);
  const days = base.map(dayOf).sort();
  const lo = dayIndex(days[0]!) + 90;
  const hi = dayIndex(days.at(-1)!) - 60;
  const r = mulberry32(5);
  const kinds = [
    { name: 'estate: 57 people / 21 d', people: 57, span: 21, names: ESTATES, texts: ESTATE_TEXTS },
    { name: 'plant: 44 people / 42 d', people: 44, span: 42, names: PLANTS, texts: PLANT_TEXTS },
    { name: 'estate: 12 people / 7 d', people: 12, span: 7, names: ESTATES, texts: ESTATE_TEXTS },
  ];
  const rows = [];
  for (const k of kinds) {
    let hit7 = 0;
    let hit7First = 0;
    const delays: number[] = [];
    const trials = 20;
    for (let i = 0; i < trials; i++) {
      const place = k.names[i % k.names.length]!;
      const start = lo + Math.floor(r() * (hi - lo));
      const prefix = `inj-${i}-`;
      const extra: TifTicket[] = [];
      for (let j = 0; j < k.people; j++) {
        extra.push({
          id: `${prefix}${j}`,
          kind: 'complaint',
          received_at: dayString(start + Math.floor(Math.sqrt(r()) * k.span)),
          title: '',
          text: k.texts[j % k.texts.length]!(place),
          location: '无',
        });
      }
      const al = replayAlerts([...base, ...extra]);
      const key = place.replace(/小区$/u, '');
      const named = (a: MineAlert) => a.subject.label.includes(key) || key.includes(a.subject.label);
      const d = found(al, prefix, start, named);
      if (d !== undefined) delays.push(d);
      if (d !== undefined && d <= 7) hit7++;
      // the dispute as the board sees it starts with its first post, not at the ramp's origin (no post there yet)
      const first = Math.min(...extra.map((t) => dayIndex(t.received_at)));
      const dFirst = found(al, prefix, first, named);
      if (dFirst !== undefined && dFirst <= 7) hit7First++;
      if (process.env.DEBUG)
        console.log(
          `   ${place} ${dayString(start)} → ${d}; ${al
            .filter((a) => a.ticket_ids.some((id) => id.startsWith(prefix)))
            .map((a) => `${a.detected_at} ${a.subject.type}:${a.subject.label}`)
            .join(', ')}`,
        );
    }
    const row = {
      dataset: 'fuzhou-12345',
      burst: k.name,
      trials,
      pd7: round(hit7 / trials, 3),
      pd7_from_first_post: round(hit7First / trials, 3),
      pd_any: round(delays.length / trials, 3),
      median_days: delays.sort((a, b) => a - b)[Math.floor(delays.length / 2)],
    };
    console.log(JSON.stringify(row));
    rows.push(row);
  }
  results.push({ dataset: 'fuzhou-12345', rate, rows });
}

/** tx-insurance as 741 insurers with drifting shares (see the header). */
function assignInsurers(tickets: TifTicket[], seed: number, N = 741) {
  const r = mulberry32(seed);
  const levels = [...new Set(tickets.map((t) => t.labels?.coverage_level ?? ''))];
  const size = Array.from({ length: N }, (_, i) => 1 / Math.pow(i + 1, 1.0));
  const mix = size.map(() => {
    const m = new Map<string, number>();
    const k = 1 + Math.floor(r() * 4);
    for (let j = 0; j < k; j++) m.set(levels[Math.floor(Math.pow(r(), 2) * levels.length)]!, r());
    return m;
  });
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const drift = size.map(() => 0);
  let month = '';
  let table = new Map<string, { cum: number[]; ids: number[] }>();
  const rebuild = () => {
    table = new Map();
    for (const L of levels) {
      const ids: number[] = [];
      const cum: number[] = [];
      let s = 0;
      mix.forEach((m, i) => {
        const w = m.get(L);
        if (w) {
          s += w * size[i]! * Math.exp(drift[i]!);
          ids.push(i);
          cum.push(s);
        }
      });
      if (!ids.length) {
        ids.push(0);
        cum.push(1);
      }
      table.set(L, { cum, ids });
    }
  };
  const sorted = [...tickets].sort((a, b) => (a.received_at < b.received_at ? -1 : 1));
  for (const t of sorted) {
    const m = t.received_at.slice(0, 7);
    if (m !== month) {
      month = m;
      for (let i = 0; i < N; i++) drift[i] = 0.9 * drift[i]! + 0.15 * gauss();
      rebuild();
    }
    const b = table.get(t.labels?.coverage_level ?? '')!;
    const u = r() * b.cum.at(-1)!;
    let lo = 0;
    let hi = b.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b.cum[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    t.respondent = { name: `保险公司${b.ids[lo]! + 1}号` };
  }
}

async function tx() {
  const all = await load('tx-insurance');
  const base = all.filter((t) => t.received_at >= '2022');
  assignInsurers(base, 7);
  console.log(`\n== tx-insurance 2022–2026 as 741 insurers (${base.length} tickets)`);
  const t0 = Date.now();
  const plain = replayAlerts(base);
  const rate = ratePerType(base, plain);
  console.log(`replay ${((Date.now() - t0) / 1000).toFixed(1)}s; bar ≤ 150 alerts (goal ≤ 80)`);
  console.log(JSON.stringify(rate));
  show(
    plain.filter((a) => a.subject.type !== 'topic'),
    12,
  );
  // one insurer's surge: ×3 its own rate for 21 days (at least 12 extra people), into insurers of every size
  const perCo = new Map<string, number>();
  for (const t of base) perCo.set(t.respondent!.name!, (perCo.get(t.respondent!.name!) ?? 0) + 1);
  const days = dayIndex(dayOf(base.at(-1)!)) - dayIndex(dayOf(base[0]!)) || 1;
  const cos = [...perCo].sort((a, b) => b[1] - a[1]);
  const r = mulberry32(9);
  let hit = 0;
  const delays: number[] = [];
  const trials = 72; // at 24 one trial was 0.04 of the figure (24 read 0.88 where 72 read 0.81)
  const lo = dayIndex('2022-06-01');
  const hi = dayIndex('2026-01-01');
  for (let i = 0; i < trials; i++) {
    const [co, n] = cos[Math.floor(Math.pow(r(), 1.5) * Math.min(cos.length, 300))]!;
    const rate21 = (n / days) * 21;
    const extraN = Math.max(12, Math.round(2 * rate21));
    const start = lo + Math.floor(r() * (hi - lo));
    const prefix = `inj-${i}-`;
    const extra: TifTicket[] = [];
    for (let j = 0; j < extraN; j++)
      extra.push({
        id: `${prefix}${j}`,
        kind: 'complaint',
        received_at: dayString(start + Math.floor(r() * 21)),
        text: 'Claim Denial',
        respondent: { name: co },
        labels: { coverage_type: 'Automobile', coverage_level: 'Individual Private Pass' },
      });
    const al = replayAlerts([...base, ...extra]);
    const d = found(al, prefix, start, (a) => a.subject.type === 'respondent' && a.subject.label === co);
    if (process.env.DEBUG)
      console.log(`   ${co} (${n} tickets, ${round(rate21, 1)} per 21 d) +${extraN} from ${dayString(start)} → ${d}`);
    if (d !== undefined && d <= 21) {
      hit++;
      delays.push(d);
    }
  }
  const row = {
    dataset: 'tx-insurance-741',
    burst: 'one insurer ×3 for 21 d (≥ 12 extra)',
    trials,
    pd21: round(hit / trials, 3),
    median_days: delays.sort((a, b) => a - b)[Math.floor(delays.length / 2)],
  };
  console.log(JSON.stringify(row));
  results.push({ dataset: 'tx-insurance-741', rate, rows: [row] });
}

async function heimao() {
  const base = await load('heimao-furnishing');
  console.log(`\n== heimao-furnishing (${base.length} tickets)`);
  const plain = replayAlerts(base);
  const rate = ratePerType(base, plain);
  console.log(JSON.stringify(rate));
  show(plain);
  const brands = [...new Set(base.map((t) => t.respondent?.name).filter((x): x is string => !!x))];
  const outlets = ['望京店', '五角场店', '南四环店', '万达店', '回龙观店'];
  const r = mulberry32(3);
  const lo = dayIndex('2021-10-01');
  const hi = dayIndex('2026-03-01');
  let hit = 0;
  const trials = 20;
  const delays: number[] = [];
  for (let i = 0; i < trials; i++) {
    const brand = brands[i % brands.length]!;
    const outlet = outlets[i % outlets.length]!;
    const start = lo + Math.floor(r() * (hi - lo));
    const prefix = `inj-${i}-`;
    const extra: TifTicket[] = [];
    for (let j = 0; j < 8; j++) {
      extra.push({
        id: `${prefix}${j}`,
        kind: 'complaint',
        received_at: dayString(start + Math.floor(r() * 10)),
        respondent: { name: brand },
        title: `${outlet}突然闭店，定金不退`,
        text: `我在${brand.slice(0, 3)}${outlet}交了定金和首付款，现在门店关门了，联系不上店长，要求退款`,
      });
    }
    const al = replayAlerts([...base, ...extra]);
    const d = found(al, prefix, start, (a) => a.subject.type === 'respondent');
    if (d !== undefined && d <= 10) {
      hit++;
      delays.push(d);
    }
  }
  const row = {
    dataset: 'heimao-furnishing',
    burst: '8 people / 10 d at one outlet',
    trials,
    pd10: round(hit / trials, 3),
    median_days: delays.sort((a, b) => a - b)[Math.floor(delays.length / 2)],
  };
  console.log(JSON.stringify(row));
  results.push({ dataset: 'heimao-furnishing', rate, rows: [row] });
}

async function car() {
  const base = await load('car-complaints');
  console.log(`\n== car-complaints (${base.length} tickets)`);
  const plain = replayAlerts(base);
  const rate = ratePerType(base, plain);
  console.log(JSON.stringify(rate));
  show(plain);
  results.push({
    dataset: 'car-complaints',
    rate,
    alerts: plain.map((a) => ({
      detected_at: a.detected_at,
      subject: a.subject.label,
      type: a.subject.type,
      people: a.complainants,
    })),
  });
}

const runs: [string, () => Promise<void>][] = [
  ['fuzhou', fuzhou],
  ['tx', tx],
  ['heimao', heimao],
  ['car', car],
];
for (const [name, fn] of runs) if (!args.only || args.only === name) await fn();
console.log(JSON.stringify(results));
