/**
 * The 10 M plan, runnable at any N: seeds N tickets into an empty PostgreSQL database by COPY (psql `\copy … FROM
 * STDIN`, CSV generated here as a stream; secondary indexes dropped during the load and rebuilt after), each with its
 * first timeline event (INSERT … SELECT from the copied rows into ticket_events, month-partitioned when pg_partman is
 * installed), then measures what the issue
 * bars name: the officer queue's first page (p50/p95 over 30 calls at the busiest station), the cockpit overview cold
 * (first call after a restart of the app, no cache) and a streaming export of `--export` rows (rows/s, peak RSS).
 * One JSON line, with the load average at each phase.
 *   createdb -h 127.0.0.1 -U postgres xz_scale_1m
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/xz_scale_1m XIEZHI_KEY=… npx tsx bench/scale-10m.ts --tickets 1000000
 * The seeded tickets are synthetic in their text (a fixed title, no personal data) and realistic in their shape: 12
 * months of receipt dates, stations weighted by a Zipf law, ~2 % open (the hot set the queue reads), outcomes and
 * categories spread like the city's. Quality figures never come from here; speed at size does.
 */
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { loadavg, cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { openApp } from '../server/app.js';
import { SYSTEM } from '../server/modules/access/index.js';
import { listQueue } from '../server/modules/workflow/index.js';
import { analyticsRepo, exportRowsCsv, overview, scopeFilter } from '../server/modules/analytics/index.js';
import { managedParents, withoutSecondaryIndexes } from '../server/platform/db/index.js';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string' },
    export: { type: 'string' },
    'skip-seed': { type: 'boolean' },
    'skip-overview': { type: 'boolean' },
    'copy-until': { type: 'string' },
    'export-via': { type: 'string' },
  },
});
// --copy-until ISO-time: stop copying (after the chunk in flight) at that time and finish the seed at the size reached,
// so a shared machine's deadline gives a smaller database rather than none (one COPY of 10 M is one transaction)
const COPY_UNTIL = values['copy-until'] ? Date.parse(values['copy-until']) : Infinity;
if (Number.isNaN(COPY_UNTIL)) throw new Error(`--copy-until: not a time: ${values['copy-until']}`);
const CHUNK = 250_000;
const N = Number(values.tickets ?? 1_000_000);
const EXPORT = Number(values.export ?? Math.min(N, 1_000_000));
const url = process.env.DATABASE_URL;
if (!url?.startsWith('postgres')) throw new Error('bench/scale-10m.ts needs DATABASE_URL (a PostgreSQL server)');
const load = () => Math.round(loadavg()[0]! * 10) / 10;
const log = (m: string) => console.error(`[scale-10m] ${m} (load ${load()})`);

// a deterministic generator: the same N gives the same data
let seed = 42;
const rnd = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const CATEGORIES = [
  '食品类',
  '服装鞋帽类',
  '家居用品类',
  '交通工具类',
  '通讯器材类',
  '教育培训服务',
  '美容美发服务',
  '餐饮和住宿服务',
  '互联网服务',
  '文化娱乐体育服务',
];
const PROBLEMS = ['质量', '安全', '价格', '售后服务', '虚假宣传', '合同', '人格尊严', '假冒'];
const CLOSED = ['mediated', 'terminated', 'declined', 'closed', 'answered', 'not_opened'] as const;
const OPEN = ['received', 'accepted', 'mediating'] as const;
const KINDS = ['complaint', 'complaint', 'complaint', 'report', 'consultation', 'consultation', 'consultation'];
const CHANNELS = ['web', 'phone', '12345', 'mini_program', 'platform'];
const csv = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);

const app = await openApp({});
const db = app.db;
const schema = (await db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
const phases: Record<string, unknown> = {};

const COLS = [
  'id',
  'no',
  'source',
  'source_id',
  'kind',
  'channel',
  'received_at',
  'received_date',
  'title',
  'body',
  'complainant_key',
  'complainant_display',
  'respondent_name',
  'respondent_key',
  'amount',
  'district_code',
  'street_code',
  'unit_id',
  'status',
  'rule_version',
  'due_date',
  'due_kind',
  'outcome',
  'category',
  'problem',
  'decisions',
  'closed_at',
  'redaction',
  'labels',
];

async function copy(table: string, cols: string[], rows: Generator<string>) {
  const u = new URL(url!);
  const p = spawn(
    'psql',
    [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-h',
      u.hostname,
      '-p',
      u.port || '5432',
      '-U',
      decodeURIComponent(u.username || 'postgres'),
      '-d',
      u.pathname.slice(1),
      '-c',
      `\\copy ${schema}.${table} (${cols.join(', ')}) FROM STDIN WITH (FORMAT csv)`,
    ],
    { stdio: ['pipe', 'inherit', 'inherit'], env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } },
  );
  let buf = '';
  for (const line of rows) {
    buf += line;
    if (buf.length > 1 << 20) {
      if (!p.stdin.write(buf)) await once(p.stdin, 'drain');
      buf = '';
    }
  }
  p.stdin.end(buf);
  const [code] = await once(p, 'exit');
  if (code !== 0) throw new Error(`psql \\copy ${table} exited ${code}`);
}

if (!values['skip-seed']) {
  const have = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets')).rows[0]!.n;
  if (have)
    throw new Error(`the database already holds ${have} tickets: seed an empty one (or --skip-seed to measure it)`);
  const stations = (
    await db.query<{ id: string; district_code: string; street_code: string }>(
      "SELECT id, district_code, street_code FROM units WHERE kind = 'station' ORDER BY id",
    )
  ).rows;
  // stations by a Zipf law (s = 1): the busiest station gets ~10 % of a city's tickets in a 200-station city
  const weights = stations.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cum: number[] = [];
  weights.reduce((a, w, i) => (cum[i] = a + w / total), 0);
  const station = () => {
    const r = rnd();
    return stations[
      Math.max(
        0,
        cum.findIndex((c) => c >= r),
      )
    ]!;
  };
  const end = Date.parse('2026-12-01T00:00:00Z');
  const span = 365 * 86_400_000;
  // month partitions for the 13 months the receipts span (else they would land in the default partition)
  if ((await managedParents(db)).some((p) => p.endsWith('.ticket_events'))) {
    const months = Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2025, 10 + i, 1)).toISOString());
    await db.query('SELECT partman.create_partition_time($1, $2::timestamptz[])', [`${schema}.ticket_events`, months]);
  }
  const tickets = function* () {
    for (let i = 0; i < N; i++) {
      const at = new Date(end - Math.floor(rnd() * span));
      const day = at.toISOString().slice(0, 10);
      const s = station();
      const open = rnd() < 0.02 || (end - at.getTime() < 14 * 86_400_000 && rnd() < 0.5);
      const status = open ? pick(OPEN) : pick(CLOSED);
      const id = `B${i.toString(36).padStart(8, '0')}`;
      const due = new Date(at.getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
      const cat = pick(CATEGORIES);
      // one of 20,000 businesses, each with one name (a key's name drawn per ticket made 20,000² name·key pairs)
      const biz = Math.floor(rnd() * 20_000);
      const closedAt = open
        ? null
        : new Date(Math.min(end, at.getTime() + Math.floor(rnd() * 40 * 86_400_000))).toISOString();
      yield (
        [
          id,
          `XZ${day.replace(/-/g, '')}${String(i).padStart(8, '0')}`,
          'bench',
          id,
          pick(KINDS),
          pick(CHANNELS),
          at.toISOString(),
          day,
          `${cat}消费纠纷`,
          '（合成的压测工单，无个人信息）',
          `ck${Math.floor(rnd() * N * 0.8)}`,
          '{"name":"张*","phone":"138****0000"}',
          `上海某某${CATEGORIES[biz % CATEGORIES.length]}有限公司${biz}`,
          `rk${biz}`,
          Math.floor(rnd() * 5000),
          s.district_code,
          s.street_code,
          s.id,
          status,
          'bench',
          due,
          'accept',
          open ? null : status === 'mediated' || status === 'terminated' ? status : null,
          cat,
          pick(PROBLEMS),
          open ? 0 : 1,
          closedAt,
          1,
          JSON.stringify({ category: cat }),
        ]
          .map(csv)
          .join(',') + '\n'
      );
    }
  };
  const chunk = function* (g: Generator<string>, n: number) {
    for (let i = 0; i < n; i++) {
      const r = g.next();
      if (r.done) return;
      yield r.value;
    }
  };
  let t = performance.now();
  log(`seeding ${N} tickets by COPY, ${CHUNK} a transaction`);
  await withoutSecondaryIndexes(db, ['tickets'], async () => {
    const g = tickets();
    for (let done = 0; done < N; done += CHUNK) {
      if (Date.now() >= COPY_UNTIL) {
        phases.copy_stopped_at = done;
        log(`--copy-until reached: stopping at ${done} tickets`);
        break;
      }
      await copy('tickets', COLS, chunk(g, Math.min(CHUNK, N - done)));
      log(`${Math.min(N, done + CHUNK)} tickets copied, ${Math.round((performance.now() - t) / 1000)} s`);
    }
    phases.copy_tickets_s = Math.round((performance.now() - t) / 100) / 10;
    log(`tickets copied in ${phases.copy_tickets_s} s; rebuilding the secondary indexes`);
    t = performance.now();
  });
  phases.index_rebuild_s = Math.round((performance.now() - t) / 100) / 10;
  t = performance.now();
  // the first timeline event of each, server-side from the copied rows (into the month partitions)
  await db.query(
    "INSERT INTO ticket_events (ticket_id, seq, at, actor_id, actor_role, type, payload) SELECT id, 1, received_at, 'system', 'system', 'received', '{}' FROM tickets",
  );
  phases.copy_events_s = Math.round((performance.now() - t) / 100) / 10;
  await db.exec('ANALYZE tickets; ANALYZE ticket_events');
  phases.seed_load = load();
  log(`events copied in ${phases.copy_events_s} s`);
}
await app.close();

// measure on a fresh app (no warm caches in this process; the server's buffers are what they are)
const m = await openApp({});
const tickets = (await m.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets')).rows[0]!.n;
const size = (
  await m.db.query<{ t: string; e: string; d: string }>(
    "SELECT pg_size_pretty(pg_total_relation_size('tickets')) AS t, pg_size_pretty(pg_total_relation_size('ticket_events') + COALESCE((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'ticket_events'::regclass), 0)) AS e, pg_size_pretty(pg_database_size(current_database())) AS d",
  )
).rows[0]!;
const busiest = (
  await m.db.query<{ unit_id: string; n: number }>(
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
const t0 = performance.now();
if (!values['skip-overview']) await overview(m, SYSTEM, {});
const overviewCold = values['skip-overview'] ? NaN : performance.now() - t0;
const overviewLoad = load();
const ms: number[] = [];
for (let i = 0; i < 30; i++) {
  const t = performance.now();
  await listQueue(m, officer, { open: true, limit: 20 });
  ms.push(performance.now() - t);
}
ms.sort((a, b) => a - b);
const queueLoad = load();
// the server's share of a phase: CPU seconds of this database's backends (same machine; /proc), next to ours
const backendCpu = async () => {
  const pids = (
    await m.db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')
  ).rows;
  const ticks = new Map<number, number>();
  for (const { pid } of pids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks.set(pid, Number(f[11]) + Number(f[12])); // utime, stime (clock ticks of 1/100 s)
    } catch {
      // a backend that ended meanwhile
    }
  }
  return ticks;
};
const cpuS = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1e5) / 10;
// --export-via repo: analyticsRepo.exportRows alone (the figure of the 1 M run); csv: the CSV route's own generator
// (columns by role, labels, Shanghai times, CSV cells, an audit row per page) as an analyst, city-wide
const via = values['export-via'] ?? 'csv';
const analyst = { ...SYSTEM, id: 'bench-analyst', username: 'bench', role: 'analyst' as const };
let rows = 0;
let bytes = 0;
let peak = process.memoryUsage().rss;
const b0 = await backendCpu();
const c1 = process.cpuUsage();
const t1 = performance.now();
if (via === 'repo') {
  for await (const page of analyticsRepo.exportRows(m.db, {})) {
    rows += page.length;
    peak = Math.max(peak, process.memoryUsage().rss);
    if (rows >= EXPORT) break;
  }
} else {
  for await (const chunk of exportRowsCsv(m, analyst, scopeFilter(analyst, {}), '压测（scale-10m）')) {
    bytes += Buffer.byteLength(chunk);
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) rows++;
    peak = Math.max(peak, process.memoryUsage().rss);
    if (rows - 1 >= EXPORT) break;
  }
  rows -= 1; // the header line
}
const exportS = (performance.now() - t1) / 1000;
const exportCpu = cpuS(process.cpuUsage(c1));
const b1 = await backendCpu();
const exportLoad = load();
console.log(
  JSON.stringify({
    bench: 'scale-10m',
    tickets,
    sizes: size,
    seed: phases,
    queue_unit_open: busiest?.n ?? 0,
    queue_first_page_ms: { p50: Math.round(ms[15]!), p95: Math.round(ms[28]!), load: queueLoad },
    overview_cold_ms: Math.round(overviewCold),
    overview_load: overviewLoad,
    export: {
      via,
      rows,
      ...(bytes ? { mb: Math.round(bytes / 1e5) / 10 } : {}),
      seconds: Math.round(exportS * 10) / 10,
      rows_per_s: Math.round(rows / exportS),
      cpu_s: exportCpu,
      // this database's backends (the pool's, this query's own included: it may be the cursor's) during the export
      server_cpu_s: Math.round([...b1].reduce((a, [pid, t]) => a + t - (b0.get(pid) ?? 0), 0)) / 100,
      peak_rss_mb: Math.round(peak / 1e6),
      load: exportLoad,
    },
    cores: cpus().length,
  }),
);
await m.close();
