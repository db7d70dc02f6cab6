/**
 * How much of one templated letter the text module's template clusters hold (issue 10 bar: ≥ 0.8 of one letter's
 * copies). `npx tsx scripts/eval-template-letter.ts [FILE]` (default: ../shared/data/cfpb-samples.tif.jsonl.gz).
 * The letter is the narrative opening most shared verbatim (first 60 characters); its copies are every text at
 * Jaccard ≥ 0.5 (and, looser, ≥ 0.3) to its first instance, so copies that were edited still count.
 */
import { loadTif } from '../server/platform/tif/index.js';
import { clusterTemplates, textJaccard } from '../server/modules/text/index.js';

const file = process.argv[2] ?? new URL('../../shared/data/cfpb-samples.tif.jsonl.gz', import.meta.url).pathname;
const { tickets } = await loadTif([file]);
const open = new Map<string, string[]>();
for (const t of tickets) {
  const s = (t.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 60).toLowerCase();
  if (s.length >= 60) (open.get(s) ?? open.set(s, []).get(s)!).push(t.id);
}
const top = [...open].sort((a, b) => b[1].length - a[1].length).slice(0, 2);
const inTpl = new Set((await clusterTemplates(tickets)).flatMap((c) => c.ticket_ids));
const out = [];
for (const [s, ids] of top) {
  const ex = tickets.find((t) => t.id === ids[0])!.text!;
  for (const thr of [0.5, 0.3]) {
    const copies = tickets.filter((t) => t.text && textJaccard(ex, t.text) >= thr).map((t) => t.id);
    const hit = copies.filter((id) => inTpl.has(id)).length;
    out.push({
      letter: s.slice(0, 40),
      jaccard: thr,
      copies: copies.length,
      in_clusters: hit,
      share: Math.round((1000 * hit) / copies.length) / 1000,
    });
  }
}
for (const r of out) console.log(JSON.stringify(r));
