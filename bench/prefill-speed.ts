/**
 * Pre-fill throughput in process, one thread: the corpus of bench/text-speed.ts (10,000 online-shopping reviews +
 * 10,000 generated complaints) and the 黑猫 texts, with the shipped lexicons, registry-free matcher and tagger.
 * CPU time (process.cpuUsage) is the load-independent figure; the load average is printed next to it.
 * Each set is run 4 times: the first pass (the JIT and the regular expressions still compiling: what a fresh process
 * sees on its first few thousand texts) and the median of the 3 next (a server that pre-fills all day).
 * Run: npx tsx bench/prefill-speed.ts [DATA_DIR] [--no-tagger]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTif } from '../server/platform/tif/index.js';
import { prefillTicket, prefill } from '../server/modules/text/index.js';
import type { TifTicket } from '../shared/tif.js';
import { makeCorpus } from './text-corpus.js';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(process.cwd(), '../shared/data');
const noTagger = process.argv.includes('--no-tagger');
const os = join(dir, 'online-shopping.tif.jsonl.gz');
const hm = join(dir, 'heimao-furnishing.tif.jsonl.gz');
const shop: TifTicket[] = existsSync(os) ? (await loadTif([os])).tickets.slice(0, 10000) : [];
const heimao: TifTicket[] = existsSync(hm) ? (await loadTif([hm])).tickets : [];
const sets: [string, TifTicket[]][] = [
  ['text-speed corpus (shopping + generated)', [...shop, ...makeCorpus(10000, 11)]],
  ['heimao complaints (x20)', Array.from({ length: 20 }, () => heimao).flat()],
];
const run = (t: TifTicket) =>
  noTagger ? prefill(t.text ?? '', t.title, { refDate: t.received_at.slice(0, 10), tagger: null }) : prefillTicket(t);
run(sets[0]![1][0]!); // loads gazetteer, lexicons, tagger
const rows = [];
for (const [name, texts] of sets) {
  if (!texts.length) continue;
  for (const t of texts.slice(0, 500)) run(t); // warm-up
  const passes: { cpu: number; wall: number }[] = [];
  for (let r = 0; r < 4; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const t of texts) run(t);
    const c = process.cpuUsage(c0);
    passes.push({ cpu: (c.user + c.system) / 1e6, wall: (performance.now() - t0) / 1000 });
  }
  const first = passes[0]!;
  const { cpu, wall } = passes.slice(1).sort((a, b) => a.cpu - b.cpu)[1]!;
  const chars = texts.reduce((n, t) => n + (t.text?.length ?? 0) + (t.title?.length ?? 0), 0);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const row = {
    set: name,
    n: texts.length,
    mean_chars: Math.round(chars / texts.length),
    per_s_cpu: Math.round(texts.length / cpu),
    per_s_wall: Math.round(texts.length / wall),
    first_pass_per_s_cpu: Math.round(texts.length / first.cpu),
    loadavg: load,
    tagger: !noTagger,
  };
  rows.push(row);
  console.log(
    `${name.padEnd(42)} n=${row.n} mean ${row.mean_chars} chars: ${row.per_s_cpu}/s CPU, ${row.per_s_wall}/s wall ` +
      `(first pass ${row.first_pass_per_s_cpu}/s CPU; load ${load})`,
  );
}
console.log(JSON.stringify({ bench: 'prefill-speed', rows }));
