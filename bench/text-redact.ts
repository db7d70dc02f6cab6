/**
 * Throughput of the intake redactor (server/modules/text/domain/redact) on real texts, one thread: the title and the
 * text of every ticket of the Fuzhou 12345, 黑猫 furnishing, car-complaint and food-delivery sets, redacted the way
 * intake does it (names found in the text also masked in the title). CPU time is the honest figure on a shared box;
 * the load average is printed beside it. Run: npx tsx bench/text-redact.ts [DATA_DIR]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTif } from '../server/platform/tif/index.js';
import { namesIn, redact } from '../server/modules/text/index.js';

const dir = process.argv[2] ?? join(process.cwd(), '../shared/data');
const sets = ['fuzhou-12345', 'heimao-furnishing', 'car-complaints', 'waimai']
  .map((n) => join(dir, `${n}.tif.jsonl.gz`))
  .filter(existsSync);
if (!sets.length) {
  console.error(`no real data under ${dir}`);
  process.exit(2);
}
const intake = (title: string, text: string) => {
  const names = [...namesIn(text), ...namesIn(title)];
  return [redact(title, { known: { names } }).text, redact(text, { known: { names } }).text];
};
const load = () =>
  existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a';
const out: Record<string, unknown>[] = [];
for (const file of sets) {
  const tickets = (await loadTif([file])).tickets;
  for (const t of tickets.slice(0, 300)) intake(t.title ?? '', t.text ?? ''); // warm up
  const rounds = Math.max(1, Math.ceil(20_000 / tickets.length));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let chars = 0;
  for (let r = 0; r < rounds; r++)
    for (const t of tickets) {
      intake(t.title ?? '', t.text ?? '');
      chars += (t.title?.length ?? 0) + (t.text?.length ?? 0);
    }
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  const n = tickets.length * rounds;
  const name = file.split('/').pop()!.replace('.tif.jsonl.gz', '');
  console.log(
    `${name.padEnd(20)} ${String(n).padStart(6)} texts  mean ${String(Math.round(chars / n)).padStart(4)} chars  wall ${Math.round(n / wall)}/s  cpu ${Math.round(n / cpu)}/s  load ${load()}`,
  );
  out.push({
    set: name,
    texts: n,
    mean_chars: Math.round(chars / n),
    per_s_wall: Math.round(n / wall),
    per_s_cpu: Math.round(n / cpu),
    loadavg: load(),
  });
}
console.log(JSON.stringify({ bench: 'text-redact', sets: out }));
