/**
 * Template clustering at scale: time (wall and CPU) and memory for N texts, and recall/precision against exact
 * pairwise Jaccard on a sample.
 * Run: npx tsx bench/text-templates.ts [--file TIF] [--n N] [--sample S]
 *   --file: a TIF file streamed ticket by ticket (e.g. `xiezhi simulate --tickets 1000000 --seed 3 --out F`);
 *           without it, N generated texts (bench/text-corpus.ts). The sample is the file's first S texts.
 */
import { readTif } from '../server/platform/tif/index.js';
import { TemplateClusterer, jaccardSorted, shingleHashes, shingleText } from '../server/modules/text/index.js';
import type { TifTicket } from '../shared/tif.js';
import { makeCorpus } from './text-corpus.js';

const opt = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const file = opt('--file');
const N = Number(opt('--n') ?? 1_000_000);
const S = Number(opt('--sample') ?? 3000);
const THR = 0.6;

async function* source(limit: number): AsyncGenerator<TifTicket> {
  if (!file) {
    yield* makeCorpus(limit, 1);
    return;
  }
  let k = 0;
  for await (const r of readTif(file)) {
    if ('error' in r) continue;
    yield r.ticket;
    if (++k >= limit) return;
  }
}

// 1) recall and precision on a sample, against exact Jaccard of every pair
const sample: TifTicket[] = [];
if (file) for await (const t of source(S)) sample.push(t);
else sample.push(...makeCorpus(S, 7, 0.1));
const sc = new TemplateClusterer({ threshold: THR });
const docs = sample.map((t) => sc.add(t));
const sh = sample.map((t) => shingleHashes(shingleText(t.text || t.title || '')));
let pairs = 0;
let found = 0;
let clustered = 0;
let clusteredAbove = 0;
let clusteredBelow = 0;
for (let i = 0; i < sample.length; i++) {
  if (docs[i]! < 0) continue;
  for (let j = i + 1; j < sample.length; j++) {
    if (docs[j]! < 0) continue;
    const jac = jaccardSorted(sh[i]!, sh[j]!);
    const same = sc.clusterOf(docs[i]!) === sc.clusterOf(docs[j]!);
    if (jac >= THR) {
      pairs++;
      if (same) found++;
    }
    if (same) {
      clustered++;
      if (jac >= THR) clusteredAbove++;
      if (jac < THR - 0.1) clusteredBelow++;
    }
  }
}
const recall = pairs ? found / pairs : 1;
const precision = clustered ? clusteredAbove / clustered : 1;
console.log(`sample ${sample.length} texts: ${pairs} pairs with exact Jaccard ≥ ${THR}; recall ${recall.toFixed(4)}; ${clustered} clustered pairs, precision (J ≥ ${THR}) ${precision.toFixed(4)}, below ${(THR - 0.1).toFixed(1)}: ${clusteredBelow}`);

// 2) scale
global.gc?.();
const rss0 = process.memoryUsage().rss;
const c = new TemplateClusterer({ threshold: THR });
let peak = rss0;
let addCpu = 0;
let addWall = 0;
let n = 0;
const t0 = performance.now();
const batch: TifTicket[] = [];
const flush = () => {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  for (const t of batch) c.add(t);
  const cu = process.cpuUsage(c0);
  addCpu += (cu.user + cu.system) / 1e6;
  addWall += (performance.now() - w0) / 1000;
  n += batch.length;
  batch.length = 0;
  peak = Math.max(peak, process.memoryUsage().rss);
  if (process.stderr.isTTY) process.stderr.write(`\r${n}`);
};
for await (const t of source(N)) {
  batch.push(t);
  if (batch.length === 10000) flush();
}
flush();
const c0 = process.cpuUsage();
const w0 = performance.now();
const clusters = c.clusters(3);
const cu = process.cpuUsage(c0);
const clusterCpu = addCpu + (cu.user + cu.system) / 1e6;
const clusterWall = addWall + (performance.now() - w0) / 1000;
const totalWall = (performance.now() - t0) / 1000;
peak = Math.max(peak, process.memoryUsage().rss);
const inClusters = clusters.reduce((s, x) => s + x.size, 0);
console.log(
  `${n.toLocaleString()} texts: clustering ${clusterWall.toFixed(1)} s wall, ${clusterCpu.toFixed(1)} s CPU (with reading/parsing ${totalWall.toFixed(1)} s); ${clusters.length} clusters ≥ 3 holding ${inClusters} texts, largest ${clusters[0]?.size}; RSS peak ${(peak / 2 ** 20).toFixed(0)} MiB`,
);
console.log(
  JSON.stringify({
    bench: 'text-templates', source: file ?? 'generated', n, cluster_s: { wall: Math.round(clusterWall * 10) / 10, cpu: Math.round(clusterCpu * 10) / 10 },
    total_wall_s: Math.round(totalWall * 10) / 10, rss_peak_mib: Math.round(peak / 2 ** 20), clusters: clusters.length, clustered_texts: inClusters, largest: clusters[0]?.size,
    sample: { n: sample.length, pairs, recall: Math.round(recall * 10000) / 10000, clustered_pairs: clustered, precision: Math.round(precision * 10000) / 10000, clustered_below_0_5: clusteredBelow },
  }),
);
