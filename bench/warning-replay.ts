/**
 * Replay speed and memory of the early-warning engine: `npx tsx bench/warning-replay.ts [N] [--write FILE] [--engine DIR]`.
 * Generates N synthetic tickets (default 1,000,000) over one year — 100,000 businesses with Zipf-distributed
 * rates, 800,000 people, Shanghai streets, CCA categories, Chinese free text — then streams them through the engine
 * day by day. Prints a short table and a final JSON line. With --write it also writes the tickets as TIF so that
 * `xiezhi mine` can be timed end to end. Run with `node --expose-gc --import tsx bench/warning-replay.ts` for heap
 * figures taken after a full collection. `alerts_sha256` in the JSON line hashes the whole alert list (subjects,
 * windows, scores, ticket ids), so two versions of the engine can be checked to raise exactly the same alerts.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import shanghai from '../server/platform/geo/shanghai.json' with { type: 'json' };
import type { TifTicket } from '../shared/tif.js';
import { CATEGORIES } from '../shared/domain.js';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as here from '../server/modules/early-warning/index.js';

// --engine DIR: another checkout's server/modules/early-warning, to time (and hash the alerts of) the code before a change
const engineAt = process.argv.indexOf('--engine');
const { WarningEngine, dayString } =
  engineAt > 0
    ? ((await import(pathToFileURL(resolve(process.argv[engineAt + 1]!, 'index.ts')).href)) as typeof here)
    : here;

const N = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const writeAt = process.argv.indexOf('--write');
const file = writeAt > 0 ? process.argv[writeAt + 1] : undefined;

let seed = 42;
const r = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const districts = (shanghai as unknown as { districts: { name: string; streets: { name: string }[] }[] }).districts;
const SYL = '恒泰金鼎悦动乐享瑞丰宏达嘉禾优品百川星辰海纳启航华美新世纪东方明珠天宇锦绣龙腾';
const KIND = ['健身', '美容', '餐饮', '培训', '电器', '家具', '汽车销售', '旅行社', '通讯', '超市', '药房', '装饰'];
const PROBLEMS = [
  '退款不到账',
  '质量问题要求退货',
  '虚假宣传',
  '售后服务态度差',
  '预付卡无法使用',
  '价格欺诈',
  '发票不开',
  '合同违约',
  '商品与描述不符',
  '延迟交付',
  '收费不透明',
  '安全隐患',
];
const B = 100_000;
const cum: number[] = [];
let tot = 0;
for (let i = 0; i < B; i++) cum.push((tot += 1 / Math.pow(i + 1, 0.9)));
const biz = (i: number) => `${SYL[i % SYL.length]}${SYL[(i * 7) % SYL.length]}${KIND[i % KIND.length]}${i}有限公司`;

function gen(i: number, day: number): TifTicket {
  const u = r() * tot;
  let lo = 0;
  let hi = B - 1;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (cum[m]! < u) lo = m + 1;
    else hi = m;
  }
  const d = districts[lo % districts.length]!;
  const s = d.streets[lo % d.streets.length]!;
  const name = biz(lo);
  return {
    id: `s${i}`,
    kind: 'complaint',
    received_at: `${dayString(day)}T${String(8 + Math.floor(r() * 12)).padStart(2, '0')}:00:00`,
    complainant: { id: `p${Math.floor(r() * 800_000)}` },
    respondent: { name, address: `上海市${d.name}${s.name}某某路${lo % 900}号` },
    text: `我于${1 + Math.floor(r() * 12)}月在${name}消费，${pick(PROBLEMS)}，多次联系商家未果，${pick(PROBLEMS)}，请求市场监管部门处理。`,
    labels: { goods_service: pick(CATEGORIES) },
  };
}

const day0 = 19_700;
const perDay = N / 365;
const tg = Date.now();
const tickets: TifTicket[] = [];
for (let i = 0; i < N; i++) tickets.push(gen(i, day0 + Math.floor(i / perDay)));
const genS = (Date.now() - tg) / 1000;

if (file) {
  const gz = createGzip();
  gz.pipe(createWriteStream(file));
  for (const t of tickets) if (!gz.write(JSON.stringify(t) + '\n')) await new Promise((res) => gz.once('drain', res));
  gz.end();
  await new Promise((res) => gz.on('end', res));
}

global.gc?.();
const heap0 = process.memoryUsage().heapUsed;
const e = new WarningEngine();
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
let alerts = 0;
const samples: string[] = [];
let peakHeap = 0;
let lastDay = '';
for (const t of tickets) {
  const res = e.add(t);
  if (res) {
    alerts += res.created.length;
    if (res.day.slice(8) === '01' && res.day !== lastDay) {
      lastDay = res.day;
      global.gc?.();
      const h = process.memoryUsage().heapUsed;
      peakHeap = Math.max(peakHeap, h);
      const st = e.stats();
      samples.push(
        `${res.day}  heap ${((h - heap0) / 2 ** 20).toFixed(0)} MiB  subjects ${Object.entries(st.subjects)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
      );
    }
  }
}
alerts += e.flush().created.length;
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const cpuS = (cpu.user + cpu.system) / 1e6;
console.log(`generated ${N} tickets in ${genS.toFixed(1)}s; replay:`);
for (const s of samples) console.log(`  ${s}`);
// The alert list itself, hashed: a change made only for speed must leave it identical (compare across commits).
const alertsSha = createHash('sha256').update(JSON.stringify(e.events())).digest('hex').slice(0, 16);
const out = {
  tickets: N,
  days: 365,
  replay_s: Number(secs.toFixed(1)),
  cpu_s: Number(cpuS.toFixed(1)),
  us_per_ticket: Number(((secs * 1e6) / N).toFixed(1)),
  alerts,
  alerts_sha256: alertsSha,
  peak_engine_heap_mib: Math.round((peakHeap - heap0) / 2 ** 20),
  rss_mib: Math.round(process.memoryUsage().rss / 2 ** 20),
};
console.log(
  `| tickets | replay wall s | replay CPU s | µs/ticket (wall) | alerts | engine heap MiB (peak, after GC) | RSS MiB (incl. tickets) |\n|---|---|---|---|---|---|---|\n| ${N} | ${out.replay_s} | ${out.cpu_s} | ${out.us_per_ticket} | ${alerts} | ${out.peak_engine_heap_mib} | ${out.rss_mib} |`,
);
console.log(JSON.stringify(out));
