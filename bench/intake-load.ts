/**
 * Intake under load: filings through the staff API (POST /api/tickets) at a fixed offered rate, spread over one or
 * more web processes, then checks that nothing was lost (every acknowledged filing is stored, once) and, with a
 * database URL, that the worker enriched each exactly once.
 *
 *   npx tsx bench/intake-load.ts prepare [--data DIR]          # demo accounts (run before starting the servers)
 *   npx tsx bench/intake-load.ts run --url http://127.0.0.1:7471[,http://127.0.0.1:7472] --rate 500 --duration 60
 *       [--connections 64] [--check]   # --check: after the run, wait for enrichment (DATABASE_URL or --data)
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { openApp } from '../server/app.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../server/modules/access/index.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string' },
    url: { type: 'string' },
    rate: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    check: { type: 'boolean' },
  },
});

if (positionals[0] === 'prepare') {
  const app = await openApp({ dataDir: values.data });
  await seedDemoAccounts(app.db);
  await app.close();
  console.log('demo accounts ready');
  process.exit(0);
}

const urls = (values.url ?? 'http://127.0.0.1:7470').split(',');
const rate = Number(values.rate ?? 200);
const duration = Number(values.duration ?? 30);
const connections = Number(values.connections ?? 64);
const run = randomBytes(3).toString('hex');
const texts = readFileSync(new URL('./intake-texts.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean);

const login = async (url: string) => {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'operator', password: DEMO_PASSWORD }),
  });
  if (!r.ok) throw new Error(`login at ${url}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
};

let seq = 0;
const latencies: number[] = [];
const statuses = new Map<number, number>();
const load = (url: string, token: string) => {
  const inst = autocannon({
    url,
    connections: Math.max(1, Math.round(connections / urls.length)),
    duration,
    overallRate: rate / urls.length,
    requests: [
      {
        method: 'POST',
        path: '/api/tickets',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (req: Record<string, unknown>) => {
          const n = seq++;
          const text = texts[n % texts.length]!;
          return {
            ...req,
            body: JSON.stringify({
              kind: 'complaint',
              client_key: `load-${run}-${n}`,
              title: `压测${run} ${text.slice(0, 12)}`,
              text,
              complainant: { name: `消费者${n}`, phone: `139${String(n).padStart(8, '0')}` },
              respondent: { name: `上海某${n % 50}号商贸有限公司`, address: '上海市松江区岳阳街道人民北路100号' },
            }),
          };
        },
      },
    ],
  });
  inst.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
    latencies.push(ms);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  return new Promise<autocannon.Result>((res, rej) => inst.once('done', res).once('error', rej));
};

const load0 = readFileSync('/proc/loadavg', 'utf8').trim();
const tokens = await Promise.all(urls.map(login));
const t0 = performance.now();
const results = await Promise.all(urls.map((u, i) => load(u, tokens[i]!)));
const secs = (performance.now() - t0) / 1000;
const load1 = readFileSync('/proc/loadavg', 'utf8').trim();
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
const ok = (statuses.get(201) ?? 0) + (statuses.get(200) ?? 0);
const out: Record<string, unknown> = {
  bench: 'intake-load',
  run,
  urls: urls.length,
  offered_per_s: rate,
  seconds: Math.round(secs),
  sent: latencies.length,
  ok,
  statuses: Object.fromEntries(statuses),
  errors: results.reduce((s, r) => s + r.errors, 0),
  timeouts: results.reduce((s, r) => s + r.timeouts, 0),
  filings_per_s: Math.round(ok / secs),
  p50_ms: Math.round(pct(50)),
  p95_ms: Math.round(pct(95)),
  p99_ms: Math.round(pct(99)),
  max_ms: Math.round(latencies[latencies.length - 1] ?? NaN),
  loadavg_before: load0,
  loadavg_after: load1,
};

if (values.check) {
  // nothing lost, nothing twice: every acknowledged filing is stored once and enriched once (the worker may lag)
  const app = await openApp({ dataDir: values.data, enrich: false });
  const t1 = performance.now();
  let stored = 0,
    enriched = 0,
    events = 0;
  for (;;) {
    const r = (
      await app.db.query<{ stored: number; enriched: number; events: number }>(
        `SELECT count(DISTINCT t.id)::int AS stored, count(DISTINCT o.subject)::int AS enriched, count(o.id)::int AS events
       FROM tickets t LEFT JOIN outbox o ON o.subject = t.id AND o.type = 'ticket.enriched' WHERE t.source_id LIKE $1`,
        [`load-${run}-%`],
      )
    ).rows[0]!;
    ({ stored, enriched, events } = r);
    if (enriched >= stored || performance.now() - t1 > 120_000) break;
    await new Promise((s) => setTimeout(s, 500));
  }
  Object.assign(out, {
    stored,
    enriched_tickets: enriched,
    enriched_events: events,
    enrichment_caught_up_s: Math.round((performance.now() - t1) / 100) / 10,
  });
  await app.close();
}
console.log(JSON.stringify(out));
