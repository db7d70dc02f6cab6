/**
 * Scale benchmark of the abnormal-complainant scorer: a simulated city replicated up to N tickets and P persons
 * (person ids, names, phones, ID numbers and addresses remapped per copy so copies are different people), then
 * scorePersons over all of it.
 *
 *   node bin/xiezhi.js simulate --tickets 200000 --seed 1 --out /tmp/sim.jsonl.gz
 *   npx tsx bench/risk-scale.ts /tmp/sim.jsonl.gz [--tickets 2000000] [--persons 500000]
 *
 * Prints a short table and a final JSON line (wall and CPU seconds, tickets/s, heap).
 */
import type { TifTicket } from '../shared/tif.js';
import { loadTif } from '../server/platform/tif/index.js';
import { scorePersons } from '../server/modules/risk/index.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf('--' + name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
if (!file) {
  console.error('usage: npx tsx bench/risk-scale.ts SIM.tif.jsonl.gz [--tickets N] [--persons P]');
  process.exit(2);
}
const N = opt('tickets', 2_000_000);
const P = opt('persons', 500_000);

const { tickets: base } = await loadTif([file]);
const basePersons = new Set(base.map((t) => t.complainant?.id).filter(Boolean)).size;
const copies = Math.ceil(N / base.length);
// persons per copy-group: copy c reuses person tag c % m, so each person recurs in ~copies/m copies
const m = Math.max(1, Math.min(copies, Math.round(P / basePersons)));
const tag = (s: string | undefined, c: number): string | undefined => (s === undefined ? undefined : `${s}#${c % m}`);
const tickets: TifTicket[] = [];
for (let c = 0; c < copies && tickets.length < N; c++) {
  for (const t of base) {
    if (tickets.length >= N) break;
    const p = t.complainant;
    tickets.push({
      ...t,
      id: `${t.id}~${c}`,
      complainant: p && {
        id: tag(p.id, c),
        name: tag(p.name, c),
        phone: p.phone && p.phone + (c % m),
        id_number: p.id_number && (c % m ? p.id_number.slice(0, -2) + String(c % m).padStart(2, '0') : p.id_number),
        address: tag(p.address, c),
      },
    });
  }
}
const persons = new Set(tickets.map((t) => t.complainant?.id).filter(Boolean)).size;
if (global.gc) global.gc();
const heap0 = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const w0 = performance.now();
const out = scorePersons(tickets);
const wall = (performance.now() - w0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSec = (cpu.user + cpu.system) / 1e6;
const heapMb = Math.round((process.memoryUsage().heapUsed - heap0) / 1e6);
console.log('tickets   persons   proposed  wall_s  cpu_s  tickets/s  heap+MB');
console.log(
  `${tickets.length}  ${persons}    ${out.length}      ${wall.toFixed(1)}   ${cpuSec.toFixed(1)}  ${Math.round(tickets.length / wall)}     ${heapMb}`,
);
console.log(
  JSON.stringify({
    bench: 'risk-scale',
    tickets: tickets.length,
    persons,
    proposed: out.length,
    wall_s: +wall.toFixed(1),
    cpu_s: +cpuSec.toFixed(1),
    tickets_per_s: Math.round(tickets.length / wall),
    heap_mb: heapMb,
  }),
);
