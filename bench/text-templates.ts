/**
 * Template clustering at scale: time and memory for N texts (default 1,000,000, generated), and recall against exact
 * pairwise Jaccard on a 2,000-text sample. Run: npx tsx bench/text-templates.ts [--n N]
 */
import { TemplateClusterer, jaccardSorted, shingleHashes, shingleText } from '../server/modules/text/index.js';
import { makeCorpus } from './text-corpus.js';

const arg = process.argv.indexOf('--n');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;
const THR = 0.6;

// 1) recall on a sample: every pair with exact Jaccard ≥ threshold should end in the same cluster
{
  const sample = makeCorpus(2000, 7, 0.1);
  const c = new TemplateClusterer({ threshold: THR });
  const docs = sample.map((t) => c.add(t));
  const sh = sample.map((t) => shingleHashes(shingleText(t.text)));
  let pairs = 0;
  let found = 0;
  let falsePairs = 0;
  let clusteredPairs = 0;
  for (let i = 0; i < sample.length; i++) {
    for (let j = i + 1; j < sample.length; j++) {
      const jac = jaccardSorted(sh[i]!, sh[j]!);
      const same = docs[i]! >= 0 && docs[j]! >= 0 && c.clusterOf(docs[i]!) === c.clusterOf(docs[j]!);
      if (jac >= THR) {
        pairs++;
        if (same) found++;
      }
      if (same) {
        clusteredPairs++;
        if (jac < THR - 0.1) falsePairs++;
      }
    }
  }
  console.log(`sample 2,000 texts: ${pairs} pairs with exact Jaccard ≥ ${THR}; recall ${(found / pairs).toFixed(4)}; clustered pairs below ${THR - 0.1}: ${falsePairs}/${clusteredPairs}`);
  (globalThis as Record<string, unknown>).__recall = { pairs, recall: found / pairs, clustered_pairs: clusteredPairs, pairs_below_thr_minus_0_1: falsePairs };
}

// 2) scale
const corpus = makeCorpus(N, 1);
global.gc?.();
const heap0 = process.memoryUsage().rss;
const t0 = performance.now();
const c = new TemplateClusterer({ threshold: THR });
let peak = 0;
for (let i = 0; i < corpus.length; i++) {
  c.add(corpus[i]!);
  if ((i & 0xffff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
const addS = (performance.now() - t0) / 1000;
const clusters = c.clusters(3);
const totalS = (performance.now() - t0) / 1000;
peak = Math.max(peak, process.memoryUsage().rss);
console.log(`${N.toLocaleString()} texts: clustered in ${totalS.toFixed(1)} s (add ${addS.toFixed(1)} s), ${clusters.length} clusters ≥3, largest ${clusters[0]?.size}; RSS peak ${(peak / 2 ** 20).toFixed(0)} MiB (corpus itself ${(heap0 / 2 ** 20).toFixed(0)} MiB before)`);
console.log(JSON.stringify({ bench: 'text-templates', n: N, seconds: Math.round(totalS * 10) / 10, rss_peak_mib: Math.round(peak / 2 ** 20), rss_before_mib: Math.round(heap0 / 2 ** 20), clusters: clusters.length, sample: (globalThis as Record<string, unknown>).__recall }));
