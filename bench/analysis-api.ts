/**
 * The analysis screen and the cockpit on a large database: loads N simulated tickets (default 200,000; an already
 * loaded DATA_DIR is reused), then times through the HTTP layer (Fastify inject: server time, no network) what the
 * cockpit and /analysis ask for on first render — the overview uncached, the cube's default pivot, the 一老一小 and
 * platform tabs' cubes — and the monthly report's figures (without printing). Prints a Markdown table and JSON.
 * Run: npx tsx bench/analysis-api.ts [N] [DATA_DIR_TO_KEEP]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../server/app.js';
import { loadDemo } from '../server/demo/load-demo.js';
import { startRoles } from '../server/roles/index.js';
import { DEMO_PASSWORD } from '../server/modules/access/index.js';
import { computeOverview, monthlyReportData, scopeFilter } from '../server/modules/analytics/index.js';

const n = Number(process.argv[2] ?? 200_000);
const keep = process.argv[3];
const dir = keep ?? mkdtempSync(join(tmpdir(), 'xz-bench-analysis-'));
const o0 = Date.now();
const app = await openApp({ dataDir: dir });
// on an existing data dir this includes pending migrations (0240 backfills the rollups once)
console.log(`opened the database (and migrated) in ${((Date.now() - o0) / 1000).toFixed(1)} s`);
const t0 = Date.now();
await loadDemo(app, { tickets: n, seed: 7 });
const loadS = (Date.now() - t0) / 1000;
const http = (await startRoles(app, ['web'], { scheduler: false })).http!;
const analyst = (
  await http.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'analyst', password: DEMO_PASSWORD },
  })
).json().token as string;
const today = app.today();
const from = new Date(Date.parse(today) - 364 * 86_400_000).toISOString().slice(0, 10);
const cpu0 = process.cpuUsage();
const login = async (username: string) =>
  (await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } })).json()
    .token as string;
const supervisor = await login('supervisor');
const officer = await login('officer');
// wall and this process's CPU (user + system) per request: the machine is shared
const time = async (label: string, url: string, token = analyst) => {
  const s = performance.now();
  const c = process.cpuUsage();
  const r = await http.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
  const u = process.cpuUsage(c);
  return { label, ms: Math.round(performance.now() - s), cpu_ms: Math.round((u.user + u.system) / 1000) };
};
// the same overview from one scan of the tickets, as before the rollups (migration 0240): what they replace
const scanOverview = async () => {
  const s = performance.now();
  const c = process.cpuUsage();
  const actor = {
    id: 'bench',
    username: 'bench',
    role: 'analyst' as const,
    displayName: 'bench',
    unitId: null,
    districtCode: null,
    enterpriseKey: null,
  };
  await computeOverview(app, scopeFilter(actor, { from, to: today }), from, today, today, 'scan');
  const u = process.cpuUsage(c);
  return {
    label: 'cockpit overview, plain scan (before the rollups)',
    ms: Math.round(performance.now() - s),
    cpu_ms: Math.round((u.user + u.system) / 1000),
  };
};
const y = `from=${from}&to=${today}`;
const rows = [
  // a fresh range each call: the overview's 30 s cache must not answer
  await time('cockpit overview, uncached (city, one year)', `/api/analytics/overview?${y}`),
  await time('cockpit overview, cached', `/api/analytics/overview?${y}`),
  await scanOverview(),
  await time('district supervisor overview, uncached (rollups)', `/api/analytics/overview?${y}`, supervisor),
  await time('station officer overview, uncached (its tickets)', `/api/analytics/overview?${y}`, officer),
  await time('cube district × kind (the /analysis default)', `/api/analytics/cube?dims=district,kind&${y}`),
  await time('cube month × 一老一小', `/api/analytics/cube?dims=month,old_young&${y}`),
  await time('cube platform × business (top shops)', `/api/analytics/cube?dims=platform,business&${y}`),
  await time('drill-down first page (district:310115)', `/api/analytics/tickets?f=district:310115&${y}`),
];
const s = performance.now();
await monthlyReportData(app.db, new Date(Date.parse(today) - 30 * 86_400_000).toISOString().slice(0, 7), today);
rows.push({
  label: 'monthly report figures (one month, all sections)',
  ms: Math.round(performance.now() - s),
  cpu_ms: 0,
});
const cpu = process.cpuUsage(cpu0);
await http.close();
await app.close();
if (!keep) rmSync(dir, { recursive: true, force: true });
console.log(
  `database: ${app.db.kind}, ${n} tickets (loaded in ${loadS.toFixed(0)} s); CPU for the requests ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
);
console.log('| request | wall ms | CPU ms |');
for (const r of rows) console.log(`| ${r.label} | ${r.ms} | ${r.cpu_ms || '–'} |`);
console.log(JSON.stringify({ bench: 'analysis-api', tickets: n, db: app.db.kind, rows }));
