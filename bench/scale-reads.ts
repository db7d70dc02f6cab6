/**
 * Single-node read figures on whatever the database holds (docs/SCALING.md): the officer queue's first page (p50/p95
 * over 30 calls, the busiest station), the cockpit overview cold (first call, no cache) and the streaming export of
 * every ticket (rows/s, peak RSS). Prints one JSON line with the ticket count and the load average beside the figures.
 *   DATABASE_URL=postgres://… npx tsx bench/scale-reads.ts
 */
import { loadavg } from 'node:os';
import { openApp } from '../server/app.js';
import { SYSTEM } from '../server/modules/access/index.js';
import { listQueue } from '../server/modules/workflow/index.js';
import { analyticsRepo, overview } from '../server/modules/analytics/index.js';

const app = await openApp({});
const db = app.db;
const tickets = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets')).rows[0]!.n;
const busiest = (
  await db.query<{ unit_id: string; n: number }>(
    'SELECT unit_id, count(*)::int AS n FROM tickets WHERE closed_at IS NULL AND unit_id IS NOT NULL GROUP BY unit_id ORDER BY n DESC LIMIT 1',
  )
).rows[0];
const officer = {
  ...SYSTEM,
  id: 'bench-officer',
  username: 'bench',
  role: 'officer' as const,
  unitId: busiest?.unit_id ?? null,
  districtCode: null,
};
const ms: number[] = [];
for (let i = 0; i < 30; i++) {
  const t = performance.now();
  await listQueue(app, officer, { open: true, limit: 20 });
  ms.push(performance.now() - t);
}
ms.sort((a, b) => a - b);
const t0 = performance.now();
await overview(app, SYSTEM, {});
const overviewCold = performance.now() - t0;
let rows = 0;
let peak = process.memoryUsage().rss;
const t1 = performance.now();
for await (const page of analyticsRepo.exportRows(db, {})) {
  rows += page.length;
  peak = Math.max(peak, process.memoryUsage().rss);
}
const exportS = (performance.now() - t1) / 1000;
console.log(
  JSON.stringify({
    bench: 'scale-reads',
    db: db.kind,
    tickets,
    queue_unit_open: busiest?.n ?? 0,
    queue_first_page_ms: { p50: Math.round(ms[15]!), p95: Math.round(ms[28]!) },
    overview_cold_ms: Math.round(overviewCold),
    export: {
      rows,
      seconds: Math.round(exportS * 10) / 10,
      rows_per_s: Math.round(rows / exportS),
      peak_rss_mb: Math.round(peak / 1e6),
    },
    loadavg_1m: Math.round(loadavg()[0]! * 10) / 10,
    cores: (await import('node:os')).cpus().length,
  }),
);
await app.close();
