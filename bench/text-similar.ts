/**
 * Similar-case query latency on N tickets (default 1,000,000, generated): build time, memory, p50/p95/p99 of 300
 * queries (text + respondent). Run: npx tsx bench/text-similar.ts [--n N]
 */
import { SimilarIndex } from '../server/modules/text/index.js';
import { makeCorpus, rng } from './text-corpus.js';

const arg = process.argv.indexOf('--n');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;
const corpus = makeCorpus(N, 3);
const t0 = performance.now();
const idx = new SimilarIndex();
for (const t of corpus) idx.addTicket(t);
const buildS = (performance.now() - t0) / 1000;
const rss = process.memoryUsage().rss;
const r = rng(9);
const lat: number[] = [];
for (let q = 0; q < 300; q++) {
  const t = corpus[Math.floor(r() * N)]!;
  const s = performance.now();
  idx.query({ text: t.text!, respondent: t.respondent?.name, k: 10, exclude: [t.id] });
  lat.push(performance.now() - s);
}
lat.sort((a, b) => a - b);
const pc = (p: number) => Math.round(lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]! * 10) / 10;
console.log(`${N.toLocaleString()} tickets: index built in ${buildS.toFixed(1)} s, RSS ${(rss / 2 ** 20).toFixed(0)} MiB; query p50 ${pc(0.5)} ms, p95 ${pc(0.95)} ms, p99 ${pc(0.99)} ms`);
console.log(JSON.stringify({ bench: 'text-similar', n: N, build_s: Math.round(buildS * 10) / 10, rss_mib: Math.round(rss / 2 ** 20), p50_ms: pc(0.5), p95_ms: pc(0.95), p99_ms: pc(0.99) }));
