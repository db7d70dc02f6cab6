/**
 * Workbench and cockpit on a large database: loads N simulated tickets (default 200,000) into an embedded database
 * (or DATABASE_URL), then times the officer's first queue page and the cockpit overview through the HTTP layer
 * (Fastify inject: server time, no network). Run: npx tsx bench/platform-api.ts [N] [DATA_DIR_TO_KEEP]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../server/app.js';
import { loadDemo } from '../server/demo/load-demo.js';
import { startRoles } from '../server/roles/index.js';
import { DEMO_PASSWORD } from '../server/modules/access/index.js';

const n = Number(process.argv[2] ?? 200_000);
// optional: a data directory to keep (and reuse on the next run: an already loaded city is not loaded again)
const keep = process.argv[3];
const dir = keep ?? mkdtempSync(join(tmpdir(), 'xz-bench-api-'));
const app = await openApp({ dataDir: dir });
const t0 = Date.now();
await loadDemo(app, { tickets: n, seed: 7 });
const loadS = (Date.now() - t0) / 1000;
const http = (await startRoles(app, ['web'], { scheduler: false })).http!;
const token = async (u: string) =>
  (
    await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } })
  ).json().token as string;
const officer = await token('officer');
const analyst = await token('analyst');
const time = async (label: string, url: string, tok: string, reps = 7) => {
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const s = performance.now();
    const r = await http.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tok}` } });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  return {
    label,
    first_ms: Math.round(ms[0]!),
    median_ms: Math.round(ms[Math.floor(ms.length / 2)]!),
    max_ms: Math.round(ms[ms.length - 1]!),
  };
};
const rows = [
  await time('workbench queue, first page (officer)', '/api/tickets?limit=50', officer),
  await time('workbench queue, red clocks filter', '/api/tickets?limit=50&clock=red', officer),
  await time('cockpit overview (city)', '/api/analytics/overview', analyst, 3),
  await time('cube district×category', '/api/analytics/cube?dims=district,category', analyst, 3),
];
await http.close();
await app.close();
if (!keep) rmSync(dir, { recursive: true, force: true });
console.log(`database: ${app.db.kind}, ${n} tickets loaded in ${loadS.toFixed(0)} s`);
console.log('| request | median ms | max ms |');
for (const r of rows) console.log(`| ${r.label} | ${r.median_ms} | ${r.max_ms} |`);
console.log(JSON.stringify({ bench: 'api', tickets: n, db: app.db.kind, rows }));
