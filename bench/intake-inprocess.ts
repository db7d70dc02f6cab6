/**
 * Intake cost without a load generator: filings through Fastify inject (auth, schema, the route; no socket) from C
 * concurrent callers in this process, then the worker's share (enrichment, detector, similar index) while it drains.
 * CPU is this process's own (process.cpuUsage), so the figure holds on a loaded machine; with PGlite the database's
 * CPU is in it too. C = 1 is one filing per transaction; larger C lets group commit batch them.
 *
 *   npx tsx bench/intake-inprocess.ts [--data DIR] [--filings 2000] [--concurrency 1,8,64] [--roles web,worker,scheduler]
 *   (DATABASE_URL=… for the PostgreSQL server: its CPU is then in the server process, not counted here)
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { openApp } from '../server/app.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../server/modules/access/index.js';
import { parseRoles, startRoles } from '../server/roles/index.js';
import { filingBatches } from '../server/modules/intake/index.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    filings: { type: 'string' },
    concurrency: { type: 'string' },
    roles: { type: 'string' },
  },
});
const total = Number(values.filings ?? 2000);
const levels = (values.concurrency ?? '1,64').split(',').map(Number);
const app = await openApp({ dataDir: values.data, enrich: 'kind' });
await seedDemoAccounts(app.db);
const running = await startRoles(app, parseRoles(values.roles ?? 'web,worker,scheduler'), { scheduler: false });
const http = running.http!;
const login = await http.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'operator', password: DEMO_PASSWORD },
});
const token = (login.json() as { token: string }).token;
const texts = readFileSync(new URL('./intake-texts.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean);
await running.runner.drain();

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
for (const c of levels) {
  const run = randomBytes(3).toString('hex');
  let next = 0;
  const lat: number[] = [];
  const b0 = filingBatches(app) ?? { batches: 0, items: 0 };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: c }, async () => {
      for (let n = next++; n < total; n = next++) {
        const text = texts[n % texts.length]!;
        const s = performance.now();
        const r = await http.inject({
          method: 'POST',
          url: '/api/tickets',
          headers: { authorization: `Bearer ${token}` },
          payload: {
            kind: 'complaint',
            client_key: `inproc-${run}-${n}`,
            title: `压测${run} ${text.slice(0, 12)}`,
            text,
            complainant: { name: `消费者${n}`, phone: `138${String(n).padStart(8, '0')}` },
            respondent: { name: `上海某${n % 50}号商贸有限公司`, address: '上海市松江区岳阳街道人民北路100号' },
          },
        });
        if (r.statusCode !== 201) throw new Error(`filing ${n}: ${r.statusCode} ${r.body}`);
        lat.push(performance.now() - s);
      }
    }),
  );
  const wall = performance.now() - t0;
  const webCpu = cpuMs(process.cpuUsage(cpu0));
  const b1 = filingBatches(app)!;
  const cpu1 = process.cpuUsage();
  const t1 = performance.now();
  await running.runner.drain();
  const workerCpu = cpuMs(process.cpuUsage(cpu1));
  lat.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))]!);
  console.log(
    JSON.stringify({
      bench: 'intake-inprocess',
      db: app.db.kind,
      concurrency: c,
      filings: total,
      batches: b1.batches - b0.batches,
      mean_batch: Math.round(((b1.items - b0.items) / (b1.batches - b0.batches)) * 10) / 10,
      wall_s: Math.round(wall / 100) / 10,
      filings_per_s_wall: Math.round(total / (wall / 1000)),
      p50_ms: pct(50),
      p95_ms: pct(95),
      cpu_ms_per_filing_intake: Math.round((webCpu / total) * 100) / 100,
      cpu_ms_per_filing_worker_drain: Math.round((workerCpu / total) * 100) / 100,
      drain_s: Math.round((performance.now() - t1) / 100) / 10,
      ceiling_per_core: Math.round(1000 / (webCpu / total)),
      loadavg: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    }),
  );
}
await running.stop();
await app.close();
