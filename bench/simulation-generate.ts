/**
 * Benchmark: time to write a simulated city as TIF.
 *   npx tsx bench/simulation-generate.ts [N ...]      (default: 50000 1000000)
 * Writes to the OS temp dir (.jsonl.gz) and removes the files afterwards. Prints a table and a final JSON line.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuUsage } from 'node:process';
import { writeSimulation } from '../server/modules/simulation/index.js';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const runs = sizes.length ? sizes : [50_000, 1_000_000];
const dir = mkdtempSync(join(tmpdir(), 'xiezhi-sim-'));
const rows: { tickets: number; wall_s: number; cpu_s: number; per_s: number; mb_gz: number; rss_mb: number }[] = [];
try {
  for (const n of runs) {
    const out = join(dir, `city-${n}.tif.jsonl.gz`);
    const c0 = cpuUsage();
    const t0 = performance.now();
    let peak = 0;
    await writeSimulation({
      tickets: n,
      seed: 1,
      out,
      truthFile: join(dir, `truth-${n}.json`),
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    const wall = (performance.now() - t0) / 1000;
    const c = cpuUsage(c0);
    rows.push({
      tickets: n,
      wall_s: +wall.toFixed(2),
      cpu_s: +((c.user + c.system) / 1e6).toFixed(2),
      per_s: Math.round(n / wall),
      mb_gz: +(statSync(out).size / 1e6).toFixed(1),
      rss_mb: Math.round(peak / 1e6),
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log('tickets     wall_s  cpu_s  tickets/s  gz_MB  peak_rss_MB');
for (const r of rows)
  console.log(
    `${String(r.tickets).padEnd(11)} ${String(r.wall_s).padEnd(7)} ${String(r.cpu_s).padEnd(6)} ${String(r.per_s).padEnd(10)} ${String(r.mb_gz).padEnd(6)} ${r.rss_mb}`,
  );
console.log(JSON.stringify({ bench: 'simulation-generate', rows }));
