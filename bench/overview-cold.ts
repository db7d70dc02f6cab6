/**
 * The cockpit overview on a fresh app, nothing else read first: the 10 M bench's "cold" figure without its counts
 * and size queries warming the server's caches before it. For the strictest cold, restart PostgreSQL and drop the OS
 * page cache before running it (docs/SCALING.md). Prints one JSON line.
 *
 *   DATABASE_URL=postgres://… XIEZHI_KEY_FILE=… npx tsx bench/overview-cold.ts
 */
import { loadavg } from 'node:os';
import { openApp } from '../server/app.js';
import { SYSTEM } from '../server/modules/access/index.js';
import { overview } from '../server/modules/analytics/index.js';

const app = await openApp({});
const t0 = performance.now();
const o = await overview(app, SYSTEM, {});
const ms = Math.round(performance.now() - t0);
const t1 = performance.now();
await overview(app, SYSTEM, { from: o.range.from, to: o.range.to, eq: {} });
const again = Math.round(performance.now() - t1);
console.log(
  JSON.stringify({
    bench: 'overview-cold',
    tickets: o.totals.tickets,
    overview_cold_ms: ms,
    overview_second_ms: again,
    hot_businesses: o.hot_businesses.length,
    hot_topics: o.hot_topics.length,
    load: Math.round(loadavg()[0]! * 10) / 10,
  }),
);
await app.close();
