/**
 * ODR bulk settlement (issue 14 bar: an enterprise settles 1,000 complaints through the bulk API in one minute).
 * Loads a demo city of CITY tickets (so the tickets table is not trivially small), enrols a firm through the API,
 * files N consented complaints about it (intake), routes them with the odr-routing use case, issues the firm an API
 * key, and settles all N through POST /api/enterprise/bulk/settle in pages of PAGE — timing the settlement alone,
 * in wall and CPU time, then retries one page to show it is answered from the idempotency record.
 * Run: npx tsx bench/odr-bulk.ts [N=1000] [CITY=5000] [PAGE=500]
 */
import { loadavg } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../server/app.js';
import { loadDemo } from '../server/demo/load-demo.js';
import { startRoles } from '../server/roles/index.js';
import { DEMO_PASSWORD, SYSTEM } from '../server/modules/access/index.js';
import { ingestTickets, normaliseBusinessKey } from '../server/modules/intake/index.js';
import { routeConsented } from '../server/modules/odr/index.js';

const n = Number(process.argv[2] ?? 1000);
const city = Number(process.argv[3] ?? 5000);
const page = Number(process.argv[4] ?? 500);
const dir = mkdtempSync(join(tmpdir(), 'xz-bench-odr-'));
const app = await openApp({ dataDir: dir });
process.stderr.write(`loading a ${city}-ticket demo city…\n`);
await loadDemo(app, { tickets: city, seed: 7 });
const roles = await startRoles(app, ['web'], { scheduler: false });
const http = roles.http!;
const call = async (auth: string | null, method: 'GET' | 'POST', url: string, payload?: object) => {
  const r = await http.inject({ method, url, payload, headers: auth ? { authorization: `Bearer ${auth}` } : {} });
  if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
  return r.json();
};
const admin = (await call(null, 'POST', '/api/auth/login', { username: 'admin', password: DEMO_PASSWORD }))
  .token as string;
const FIRM = '上海联络站基准电子商务有限公司';
const key = normaliseBusinessKey(FIRM);
await call(admin, 'POST', '/api/odr/enterprises', { name: FIRM, contact: { name: '刘客服', phone: '021-61234567' } });
await call(admin, 'POST', `/api/odr/enterprises/${encodeURIComponent(key)}/approve`, {});
const today = app.today();
await ingestTickets(
  app,
  Array.from({ length: n }, (_, i) => ({
    id: `odr-bench-${i}`,
    kind: 'complaint',
    received_at: `${today}T01:00:00Z`,
    channel: 'web',
    text: `在${FIRM}买的充电宝${i}号无法充电，要求退款。`,
    complainant: { name: '吴刚', phone: `139${String(i).padStart(8, '0')}` },
    respondent: { name: FIRM },
    amount: 50 + (i % 200),
    extra: { consent_odr: true },
  })),
  { source: 'odr-bench', actor: SYSTEM },
);
const ids = (await app.db.query<{ id: string }>(`SELECT id FROM tickets WHERE source = 'odr-bench'`)).rows.map(
  (r) => r.id,
);
const routed = await routeConsented(app, ids);
const secret = (await call(admin, 'POST', `/api/odr/enterprises/${encodeURIComponent(key)}/keys`, { label: 'bench' }))
  .secret as string;

const items = ids.map((id, i) => ({ ticket_id: id, amount: 50 + (i % 200), idempotency_key: `bench-${id}` }));
const load0 = loadavg()[0]!;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let ok = 0;
for (let i = 0; i < items.length; i += page)
  ok += (await call(secret, 'POST', '/api/enterprise/bulk/settle', { items: items.slice(i, i + page) })).ok as number;
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const t1 = performance.now();
const retry = await call(secret, 'POST', '/api/enterprise/bulk/settle', { items: items.slice(0, page) });
const retryMs = performance.now() - t1;
const out = {
  complaints: n,
  routed: routed.routed.length,
  settled: ok,
  page,
  city_tickets: city,
  wall_s: +wall.toFixed(2),
  cpu_s: +((cpu.user + cpu.system) / 1e6).toFixed(2),
  per_second: Math.round(ok / wall),
  retry_page_replayed: (retry.items as { replayed?: boolean }[]).filter((x) => x.replayed).length,
  retry_page_ms: Math.round(retryMs),
  load_average: [+load0.toFixed(1), +loadavg()[0]!.toFixed(1)],
  database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
};
console.log(JSON.stringify(out));
await roles.stop();
await app.db.close();
rmSync(dir, { recursive: true, force: true });
