/**
 * Similar-case query latency on N tickets (default 1,000,000): build time, memory, p50/p95/p99 of 300 queries
 * (text + respondent, k = 10), as wall time and as the process CPU time of each query (the honest figure on a shared
 * machine). Run: npx tsx bench/text-similar.ts [--n N] [--file TIF]
 *   --file: a TIF file streamed ticket by ticket (e.g. `xiezhi simulate --tickets 1000000 --seed 3 --out F`), the
 *           300 query tickets drawn from it by a seeded reservoir; without it, N generated tickets (bench/text-corpus.ts).
 */
import { readTif } from '../server/platform/tif/index.js';
import { SimilarIndex } from '../server/modules/text/index.js';
import type { TifTicket } from '../shared/tif.js';
import { makeCorpus, rng } from './text-corpus.js';

const opt = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const N = Number(opt('--n') ?? 1_000_000);
const file = opt('--file');
const Q = 300;
const idx = new SimilarIndex();
const r = rng(9);
let queries: TifTicket[] = [];
let n = 0;
let buildCpu = 0;
let t0 = performance.now();
if (file) {
  for await (const row of readTif(file)) {
    if ('error' in row) continue;
    const t = row.ticket;
    const c0 = process.cpuUsage();
    idx.addTicket(t);
    const cu = process.cpuUsage(c0);
    buildCpu += (cu.user + cu.system) / 1e6;
    if (t.text) {
      const slot = queries.length < Q ? queries.length : Math.floor(r() * (n + 1));
      if (slot < Q) queries[slot] = t;
    }
    if (++n >= N) break;
  }
} else {
  const corpus = makeCorpus(N, 3);
  t0 = performance.now(); // build time without generating the corpus
  const c0 = process.cpuUsage();
  for (const t of corpus) idx.addTicket(t);
  const cu = process.cpuUsage(c0);
  buildCpu = (cu.user + cu.system) / 1e6;
  n = N;
  queries = Array.from({ length: Q }, () => corpus[Math.floor(r() * N)]!);
}
const buildS = (performance.now() - t0) / 1000;
const rss = process.memoryUsage().rss;
const lat: number[] = [];
const cpu: number[] = [];
for (const t of queries) {
  const c0 = process.cpuUsage();
  const s = performance.now();
  idx.query({ text: t.text!, respondent: t.respondent?.name, k: 10, exclude: [t.id] });
  lat.push(performance.now() - s);
  const cu = process.cpuUsage(c0);
  cpu.push((cu.user + cu.system) / 1000);
}
lat.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const pc = (xs: number[], p: number) => Math.round(xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]! * 10) / 10;
console.log(
  `${n.toLocaleString()} tickets (${file ?? 'generated'}): index built in ${buildS.toFixed(1)} s wall (${buildCpu.toFixed(1)} s CPU adding), RSS ${(rss / 2 ** 20).toFixed(0)} MiB; query wall p50 ${pc(lat, 0.5)} ms, p95 ${pc(lat, 0.95)} ms, p99 ${pc(lat, 0.99)} ms; CPU p50 ${pc(cpu, 0.5)} ms, p95 ${pc(cpu, 0.95)} ms, p99 ${pc(cpu, 0.99)} ms`,
);
console.log(
  JSON.stringify({
    bench: 'text-similar',
    source: file ?? 'generated',
    n,
    build_s: Math.round(buildS * 10) / 10,
    build_cpu_s: Math.round(buildCpu * 10) / 10,
    rss_mib: Math.round(rss / 2 ** 20),
    p50_ms: pc(lat, 0.5),
    p95_ms: pc(lat, 0.95),
    p99_ms: pc(lat, 0.99),
    cpu_p50_ms: pc(cpu, 0.5),
    cpu_p95_ms: pc(cpu, 0.95),
    cpu_p99_ms: pc(cpu, 0.99),
  }),
);
