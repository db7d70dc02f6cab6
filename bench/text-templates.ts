/**
 * Template clustering at scale: time (wall and CPU) and memory for N texts, and recall/precision against exact
 * pairwise Jaccard on samples.
 * Run: npx tsx bench/text-templates.ts [--file TIF] [--n N] [--sample S] [--join R] [--merge R] [--skip-first]
 *   --file: a TIF file streamed ticket by ticket (e.g. `xiezhi simulate --tickets 1000000 --seed 3 --out F`);
 *           without it, N generated texts (bench/text-corpus.ts).
 * Two samples of S texts each, both scored against exact Jaccard of every pair (recall: pairs with J ≥ 0.6 that end
 * in one cluster; precision: clustered pairs with J ≥ 0.6; and the share of clustered pairs with J < 0.5):
 *   - "random": a uniform random sample (seeded reservoir) of the whole run, scored on the clusters of the FULL run —
 *     the honest figure, since at scale clusters can also grow through texts outside the sample;
 *   - "first": the first S texts clustered on their own (the figure reported before; --skip-first leaves it out).
 */
import { readTif } from '../server/platform/tif/index.js';
import { TemplateClusterer, jaccardSorted, shingleHashes, shingleText } from '../server/modules/text/index.js';
import type { TifTicket } from '../shared/tif.js';
import { makeCorpus, rng } from './text-corpus.js';

const opt = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const file = opt('--file');
const N = Number(opt('--n') ?? 1_000_000);
const S = Number(opt('--sample') ?? 3000);
const THR = 0.6;
const tuning = {
  threshold: THR,
  ...(opt('--join') ? { joinReach: Number(opt('--join')) } : {}),
  ...(opt('--merge') ? { mergeReach: Number(opt('--merge')) } : {}),
};

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

interface Score {
  n: number;
  pairs: number;
  recall: number;
  clustered_pairs: number;
  precision: number;
  clustered_below_0_5: number;
  share_below_0_5: number;
}
/** Every pair of the sample: exact Jaccard against "same cluster". */
function score(sh: Uint32Array[], cluster: number[]): Score {
  let pairs = 0,
    found = 0,
    clustered = 0,
    above = 0,
    below = 0;
  for (let i = 0; i < sh.length; i++) {
    for (let j = i + 1; j < sh.length; j++) {
      const jac = jaccardSorted(sh[i]!, sh[j]!);
      const same = cluster[i] === cluster[j];
      if (jac >= THR) {
        pairs++;
        if (same) found++;
      }
      if (same) {
        clustered++;
        if (jac >= THR) above++;
        if (jac < THR - 0.1) below++;
      }
    }
  }
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  return {
    n: sh.length,
    pairs,
    recall: r4(pairs ? found / pairs : 1),
    clustered_pairs: clustered,
    precision: r4(clustered ? above / clustered : 1),
    clustered_below_0_5: below,
    share_below_0_5: r4(clustered ? below / clustered : 0),
  };
}
const show = (name: string, s: Score) =>
  console.log(
    `${name} sample ${s.n} texts: ${s.pairs} pairs with exact J ≥ ${THR}; recall ${s.recall.toFixed(4)}; ${s.clustered_pairs} clustered pairs, precision (J ≥ ${THR}) ${s.precision.toFixed(4)}, J < 0.5: ${s.clustered_below_0_5} (${(s.share_below_0_5 * 100).toFixed(1)}%)`,
  );

// 1) the first S texts clustered on their own
let first: Score | undefined;
if (!process.argv.includes('--skip-first')) {
  const sample: TifTicket[] = [];
  if (file) for await (const t of source(S)) sample.push(t);
  else sample.push(...makeCorpus(S, 7, 0.1));
  const sc = new TemplateClusterer(tuning);
  const docs = sample.map((t) => sc.add(t));
  const keep = sample.map((_, i) => i).filter((i) => docs[i]! >= 0);
  first = score(
    keep.map((i) => shingleHashes(shingleText(sample[i]!.text || sample[i]!.title || ''))),
    keep.map((i) => sc.clusterOf(docs[i]!)),
  );
  show('first', first);
}

// 2) scale, with a reservoir sample of the clustered texts for scoring against the full run
global.gc?.();
const rss0 = process.memoryUsage().rss;
const c = new TemplateClusterer(tuning);
const rand = rng(11);
const resDoc: number[] = [];
const resSh: Uint32Array[] = [];
let seenDocs = 0;
let peak = rss0;
let addCpu = 0;
let addWall = 0;
let n = 0;
const t0 = performance.now();
const batch: TifTicket[] = [];
const flush = () => {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const got = batch.map((t) => c.add(t));
  const cu = process.cpuUsage(c0);
  addCpu += (cu.user + cu.system) / 1e6;
  addWall += (performance.now() - w0) / 1000;
  for (let i = 0; i < batch.length; i++) {
    if (got[i]! < 0) continue;
    const slot = seenDocs < S ? seenDocs : Math.floor(rand() * (seenDocs + 1));
    seenDocs++;
    if (slot >= S) continue;
    resDoc[slot] = got[i]!;
    resSh[slot] = shingleHashes(shingleText(batch[i]!.text || batch[i]!.title || ''));
  }
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
const random = score(
  resSh,
  resDoc.map((d) => c.clusterOf(d)),
);
show('random (full-run clusters)', random);
console.log(
  JSON.stringify({
    bench: 'text-templates',
    source: file ?? 'generated',
    n,
    options: tuning,
    cluster_s: { wall: Math.round(clusterWall * 10) / 10, cpu: Math.round(clusterCpu * 10) / 10 },
    total_wall_s: Math.round(totalWall * 10) / 10,
    rss_peak_mib: Math.round(peak / 2 ** 20),
    clusters: clusters.length,
    clustered_texts: inClusters,
    largest: clusters[0]?.size,
    sample_random: random,
    sample_first: first,
  }),
);
