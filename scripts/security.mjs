/**
 * `npm run security` — the probes of issue 11, reproducible with one command. Starts a server on a fresh temporary
 * data directory with a small demo city (key file kept OUTSIDE the data directory), probes it as an attacker and as
 * each role would, stops it, then inspects the data directory itself. Prints PASS/FAIL per probe and exits 1 on any
 * failure. Probes for pieces still being built fail until they land; each checks the behaviour issue 11 specifies.
 *
 *   node scripts/security.mjs [--tickets N] [--port N] [--keep] [--only NAME] [--shots DIR]
 *     --port   default 7420 (a free port when it is taken)
 *     --shots  also screenshot the admin audit screen (/admin) into DIR (Debian's Chromium)
 */
import { spawn, spawnSync } from 'node:child_process';
import { deflateSync, crc32 } from 'node:zlib';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  createWriteStream,
  mkdirSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    tickets: { type: 'string' },
    port: { type: 'string' },
    keep: { type: 'boolean' },
    only: { type: 'string' },
    shots: { type: 'string' },
  },
});
const say = (m) => console.log(`[security] ${m}`);
const results = [];
function record(name, ok, detail) {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ` — ${detail}` : ''}`);
}
async function probe(name, fn) {
  if (values.only && !name.includes(values.only)) return;
  try {
    const r = await fn();
    record(name, r.ok, r.detail);
  } catch (e) {
    record(name, false, `error: ${e?.message ?? e}`);
  }
}

const portFree = (p) =>
  new Promise((res) => {
    const s = createServer();
    s.once('error', () => res(false));
    s.listen(p, '127.0.0.1', () => s.close(() => res(true)));
  });
const freePort = () =>
  new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });

// ---- the server: fresh data dir, key file outside it ---------------------------------------------------------
const work = mkdtempSync(join(tmpdir(), 'xiezhi-security-'));
const dataDir = join(work, 'data');
const keyDir = join(work, 'secrets');
mkdirSync(keyDir, { mode: 0o700 });
const KEY = randomBytes(32).toString('base64');
writeFileSync(join(keyDir, 'xiezhi.key'), KEY, { mode: 0o600 });
const env = { ...process.env, XIEZHI_PROGRESS: '0', XIEZHI_KEY_FILE: join(keyDir, 'xiezhi.key') };
delete env.DATABASE_URL; // the at-rest probes read the embedded database's files
delete env.XIEZHI_KEY;
const wanted = Number(values.port ?? 7420);
const port = (await portFree(wanted)) ? wanted : await freePort();
const base = `http://127.0.0.1:${port}`;
mkdirSync(join(root, 'test-results'), { recursive: true });
const logPath = join(root, 'test-results', 'security-server.log');
const log = createWriteStream(logPath);
const tickets = values.tickets ?? '1500';
say(`loading a demo city of ${tickets} tickets into ${dataDir}`);
const load = spawnSync(
  process.execPath,
  [join(root, 'bin/xiezhi.js'), 'demo', '--data', dataDir, '--tickets', tickets, '--no-serve'],
  { cwd: root, env, encoding: 'utf8' },
);
log.write(`${load.stdout ?? ''}${load.stderr ?? ''}`);
if (load.status !== 0) {
  say(`loading the demo failed (exit ${load.status}); see ${logPath}`);
  process.exit(1);
}
let server = null;
function startServer() {
  server = spawn(
    process.execPath,
    [join(root, 'bin/xiezhi.js'), 'serve', '--data', dataDir, '--port', String(port), '--host', '127.0.0.1'],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout.pipe(log, { end: false });
  server.stderr.pipe(log, { end: false });
}
async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  const t = setTimeout(() => server.exitCode === null && server.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(t);
}
function cleanup() {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});
startServer();
const t0 = Date.now();
for (;;) {
  if (server.exitCode !== null) {
    say(`the server exited with ${server.exitCode}; see ${logPath}`);
    cleanup();
    process.exit(1);
  }
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {
    /* not up yet */
  }
  if (Date.now() - t0 > 300_000) {
    say('no /api/health within 300 s');
    cleanup();
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 300));
}
say(`server up on ${base} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

// ---- HTTP helpers --------------------------------------------------------------------------------------------
const tokens = {};
async function http(user, method, path, body, headers = {}) {
  const h = { accept: 'application/json', origin: base, ...headers };
  if (user) h.authorization = `Bearer ${tokens[user]}`;
  if (body !== undefined) h['content-type'] = 'application/json';
  const r = await fetch(base + path, {
    method,
    headers: h,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await r.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not json */
  }
  return { status: r.status, text, json, headers: r.headers };
}
for (const u of ['officer', 'officer2', 'supervisor', 'analyst', 'operator', 'enterprise', 'partner', 'admin']) {
  const r = await http(null, 'POST', '/api/auth/login', { username: u, password: 'xiezhi2026' });
  if (r.status !== 200) {
    say(`login ${u} failed: ${r.status} ${r.text.slice(0, 200)}`);
    cleanup();
    process.exit(1);
  }
  tokens[u] = r.json.token;
}

// identities planted in free text: none of these may reach the business, other stations, or the disk in clear
const rnd = () => String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
const PLANT = { name: '张伟', phone: `139${rnd()}`, idno: '310101198001011234' };
const reportText = (p) =>
  `本人${p.name}，身份证号${p.idno}，手机${p.phone}，在该店购买的电饭煲收到就坏了，要求退款299元。同时举报该店销售无3C认证产品，请对举报人信息保密。`;
const PHONE_RE = /1[3-9]\d{9}/g;
const ID_RE = /\d{17}[\dXx]/g;
/** A resident ID number (GB 11643): a birth date inside and the check digit right — not any 18-digit order number. */
function isIdNumber(s) {
  const y = Number(s.slice(6, 10)),
    m = Number(s.slice(10, 12)),
    d = Number(s.slice(12, 14));
  if (y < 1900 || y > 2030 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((a, x, i) => a + x * Number(s[i]), 0);
  return '10X98765432'[sum % 11] === s[17].toUpperCase();
}

async function addressInStation(user) {
  const me = (await http(user, 'GET', '/api/me')).json;
  for (const q of ['?limit=50', '?limit=100&open=false']) {
    for (const it of (await http(user, 'GET', `/api/tickets${q}`)).json?.items ?? []) {
      const d = (await http(user, 'GET', `/api/tickets/${it.id}`)).json;
      const a = d?.ticket?.respondent?.address;
      if (a && d.ticket.unit_id === me.unitId && /(街道|镇)/.test(a))
        return {
          address: `${/^(.*?(?:街道|镇))/.exec(a)[1]}东方路${100 + Math.floor(Math.random() * 800)}号`,
          me,
          sample: d.ticket,
        };
    }
  }
  throw new Error(`no street address found in ${me.unit_name}`);
}

// ---- probes --------------------------------------------------------------------------------------------------
const station = await addressInStation('officer');

await probe('enterprise views are clean of the complainant identity from free text', async () => {
  const key = (await http('enterprise', 'GET', '/api/enterprise/me')).json.enterprise.key;
  const f = await http(null, 'POST', '/api/public/tickets', {
    kind: 'complaint',
    consent_odr: true,
    amount: 299,
    title: '电饭煲质量问题',
    text: reportText(PLANT),
    complainant: { name: PLANT.name, phone: PLANT.phone, id_number: PLANT.idno },
    respondent: { name: '美厨小家电专营店', address: station.address, platform: key },
  });
  if (f.status !== 201) return { ok: false, detail: `filing answered ${f.status}` };
  const id = f.json.id;
  const sent = await http('officer', 'POST', `/api/tickets/${id}/actions`, {
    action: 'send_odr',
    odr_key: key,
    consent: true,
  });
  if (sent.status !== 200) return { ok: false, detail: `send_odr answered ${sent.status}: ${sent.text.slice(0, 120)}` };
  const seen = [];
  const list = await http('enterprise', 'GET', '/api/tickets?limit=200');
  seen.push(['inbox', list.text]);
  if (!list.json?.items?.some((x) => x.id === id))
    return { ok: false, detail: 'the ODR complaint did not reach the enterprise inbox' };
  const d = await http('enterprise', 'GET', `/api/tickets/${id}`);
  seen.push(['detail', d.text]);
  for (const doc of d.json?.documents ?? [])
    seen.push([
      `document ${doc.title}`,
      (await http('enterprise', 'GET', `/api/tickets/${id}/documents/${doc.id}`)).text,
    ]);
  seen.push(['attachments', (await http('enterprise', 'GET', `/api/tickets/${id}/attachments`)).text]);
  const leaks = [];
  for (const [where, text] of seen) {
    for (const [what, v] of [
      ['phone', PLANT.phone],
      ['ID number', PLANT.idno],
      ['name', PLANT.name],
    ])
      if (text.includes(v)) leaks.push(`${what} in ${where}`);
    // the law every complaint is handled under is named 投诉举报处理办法: its title says nothing about this ticket
    const at = where === 'inbox' ? -1 : text.replaceAll('投诉举报处理办法', '投诉处理办法').search(/举报/);
    if (at >= 0) leaks.push(`the report part ("举报") in ${where}: …${text.slice(Math.max(0, at - 40), at + 20)}…`);
  }
  return {
    ok: leaks.length === 0,
    detail: leaks.length ? leaks.join('; ') : `${seen.length} enterprise responses checked`,
  };
});

await probe('similar cases show no other-station personal data', async () => {
  // a near copy of one of the officer's tickets, filed in another district with an identity in its text
  const src = station.sample;
  const other = { name: '刘芳', phone: `138${rnd()}`, idno: '310104199003034321' };
  const text = `${src.title ?? ''}。${src.text ?? src.body ?? ''} 我叫${other.name}，电话${other.phone}，身份证${other.idno}。`;
  const f = await http(null, 'POST', '/api/public/tickets', {
    kind: 'complaint',
    title: src.title ?? '投诉',
    text,
    complainant: { name: other.name, phone: other.phone },
    respondent: { name: src.respondent?.name ?? '某商户', address: '上海市浦东新区陆家嘴街道世纪大道100号' },
  });
  if (f.status !== 201) return { ok: false, detail: `filing answered ${f.status}` };
  await new Promise((r) => setTimeout(r, 1500));
  const queue = (await http('officer', 'GET', '/api/tickets?limit=30')).json?.items ?? [];
  const ids = [src.id, ...queue.map((x) => x.id)].slice(0, 12);
  let outside = 0;
  const leaks = [];
  for (const tid of ids) {
    const s = await http('officer', 'GET', `/api/tickets/${tid}/similar?k=20`);
    if (s.status !== 200) continue;
    const items = Array.isArray(s.json) ? s.json : (s.json?.items ?? []);
    for (const it of items) {
      const oid = it.id ?? it.ticket_id;
      // an excerpt from outside the officer's jurisdiction carries no id at all (scope 'outside'); one that does carry
      // an id is outside if the officer cannot open it
      if (it.scope !== 'outside' && (!oid || (await http('officer', 'GET', `/api/tickets/${oid}`)).status < 400))
        continue;
      outside++;
      const blob = JSON.stringify(it);
      const full = oid ? ((await http('admin', 'GET', `/api/tickets/${oid}`)).json?.ticket?.complainant ?? {}) : {};
      for (const m of blob.match(PHONE_RE) ?? []) leaks.push(`phone ${m.slice(0, 3)}… in ${oid}`);
      for (const m of blob.match(ID_RE) ?? [])
        if (isIdNumber(m) || m === other.idno) leaks.push(`ID ${m.slice(0, 4)}… in ${oid ?? 'an outside excerpt'}`);
      if (full.name && [...full.name].length >= 2 && blob.includes(full.name)) leaks.push(`complainant name in ${oid}`);
      if (blob.includes(other.name)) leaks.push(`planted name in ${oid}`);
    }
  }
  if (!outside)
    return { ok: false, detail: 'inconclusive: no similar case outside the station was returned for 12 tickets' };
  return {
    ok: leaks.length === 0,
    detail: leaks.length
      ? `${leaks.length} leaks: ${leaks.slice(0, 4).join('; ')}`
      : `${outside} out-of-jurisdiction excerpts checked`,
  };
});

await probe('no 500 on bad input (NUL, from=2026-13-45)', async () => {
  const tries = [
    ['analyst', 'GET', '/api/analytics/overview?from=2026-13-45'],
    ['analyst', 'GET', '/api/analytics/tickets?from=2026-13-45'],
    ['analyst', 'GET', '/api/analytics/cube?dims=district&from=2026-02-30'],
    ['officer', 'GET', '/api/tickets?from=2026-13-45'],
    ['admin', 'GET', '/api/admin/audit?from=2026-13-45'],
    ['officer', 'GET', '/api/tickets?q=%00abc'],
    ['officer', 'GET', '/api/tickets/%00'],
    [null, 'GET', '/api/public/tickets/%00?code=%00'],
    [
      null,
      'POST',
      '/api/public/tickets',
      {
        kind: 'complaint',
        title: 'a\u0000b',
        text: '退款\u0000纠纷',
        complainant: { name: '\u0000' },
        respondent: { name: 'x\u0000' },
      },
    ],
    [null, 'POST', '/api/prefill', { text: '\u0000\u0000手机13900000000\u0000' }],
    [
      'officer',
      'POST',
      '/api/tickets',
      { kind: 'complaint', title: '\u0000', text: '\u0000', received_at: '2026-13-45' },
    ],
    [null, 'POST', '/api/public/tickets', '{"kind": "complaint", "text": "unterminated'],
  ];
  const bad = [];
  for (const [u, m, p, b] of tries) {
    const r = await http(u, m, p, b);
    if (r.status >= 500) bad.push(`${m} ${p.slice(0, 50)} → ${r.status}`);
  }
  return {
    ok: bad.length === 0,
    detail: bad.length ? bad.join('; ') : `${tries.length} bad requests, none answered 5xx`,
  };
});

let exportedIds = [];
await probe('no formula cells in the CSV export', async () => {
  const f = await http(null, 'POST', '/api/public/tickets', {
    kind: 'complaint',
    title: '=HYPERLINK("http://evil.example","点我退款")',
    text: "+cmd|' /C calc'!A0 商家拒绝退款",
    complainant: { name: '@SUM(1+1)', phone: `136${rnd()}` },
    respondent: { name: '-2+3 商贸', address: station.address },
  });
  if (f.status !== 201) return { ok: false, detail: `filing answered ${f.status}` };
  const r = await http(
    'analyst',
    'GET',
    `/api/analytics/export.csv?purpose=${encodeURIComponent('安全探针：导出检查')}`,
  );
  if (r.status !== 200) return { ok: false, detail: `export answered ${r.status}` };
  const cells = [];
  // a small CSV reader (quotes, doubled quotes, newlines in quotes)
  let cell = '';
  let row = [];
  let q = false;
  const text = r.text.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      cells.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  const header = cells[0] ?? [];
  const idCol = header.indexOf('id');
  exportedIds = cells
    .slice(1)
    .map((x) => x[idCol])
    .filter(Boolean);
  const formulas = cells
    .slice(1)
    .flat()
    .filter((c) => /^[=+\-@\t\r]/.test(c));
  const mine = cells.slice(1).some((x) => x[idCol] === f.json.id);
  return {
    ok: formulas.length === 0 && mine,
    detail: `${cells.length - 1} rows${mine ? '' : ' (the planted ticket is missing)'}; ${formulas.length} formula cells${
      formulas.length
        ? `: ${formulas
            .slice(0, 3)
            .map((c) => JSON.stringify(c.slice(0, 30)))
            .join(', ')}`
        : ''
    }`,
  };
});

await probe('the audit finds every export and share', async () => {
  const share = await http(
    'partner',
    'GET',
    `/api/partner/abnormal?purpose=${encodeURIComponent('安全探针：共享检查')}`,
  );
  if (share.status !== 200) return { ok: false, detail: `partner share answered ${share.status}` };
  const problems = [];
  const latest = await http('admin', 'GET', '/api/admin/audit');
  if (latest.status !== 200) problems.push(`/api/admin/audit without filters answered ${latest.status}`);
  const ex = await http('admin', 'GET', '/api/admin/audit?actor=analyst&action=analytics.export&limit=1000');
  const exEntries = ex.json?.items ?? [];
  if (!exEntries.length) problems.push('no analytics.export entry for the analyst');
  for (const e of exEntries) if (!e.subject_id && !e.subject_ids) problems.push(`export entry ${e.seq} has no subject`);
  if (exEntries.some((e) => !e.purpose)) problems.push('an export entry without purpose');
  // every exported ticket (a sample of 20) is found by its own id
  const sample = exportedIds.filter((_, i) => i % Math.max(1, Math.floor(exportedIds.length / 20)) === 0).slice(0, 20);
  let missing = 0;
  for (const id of sample) {
    const r = await http(
      'admin',
      'GET',
      `/api/admin/audit?subject_id=${encodeURIComponent(id)}&action=analytics.export`,
    );
    if (!(r.json?.items ?? []).length) missing++;
  }
  if (!sample.length) problems.push('no exported ticket ids to look up');
  if (missing) problems.push(`${missing} of ${sample.length} exported tickets not found by subject`);
  const sh = await http('admin', 'GET', '/api/admin/audit?actor=partner&action=abnormal.share');
  const shEntries = sh.json?.items ?? [];
  if (!shEntries.length) problems.push('no abnormal.share entry for the partner');
  const sharedIds = (share.json?.entries ?? []).map((e) => e.id ?? e.entry_id).filter(Boolean);
  for (const e of shEntries) if (!e.subject_id && !e.subject_ids) problems.push(`share entry ${e.seq} has no subject`);
  if (sharedIds.length) {
    const r = await http(
      'admin',
      'GET',
      `/api/admin/audit?subject_id=${encodeURIComponent(sharedIds[0])}&action=abnormal.share`,
    );
    if (!(r.json?.items ?? []).length) problems.push('a shared entry is not found by its id');
  }
  const v = await http('admin', 'GET', '/api/admin/audit/verify');
  if (!v.json?.ok) problems.push(`audit chain: ${v.text.slice(0, 120)}`);
  return {
    ok: problems.length === 0,
    detail: problems.length
      ? problems.join('; ')
      : `${exEntries.length} export entries (${sample.length} tickets looked up), ${shEntries.length} share entries (${share.json?.count ?? 0} entries shared), chain of ${v.json.entries} verified`,
  };
});

if (values.shots) {
  try {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    const ctx = await browser.newContext({
      baseURL: base,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1600, height: 900 },
    });
    await ctx.request.post('/api/auth/login', { data: { username: 'admin', password: 'xiezhi2026' } });
    const page = await ctx.newPage();
    await page.goto('/admin/audit');
    await page.locator('[data-test=chain]').waitFor({ timeout: 20_000 });
    await page.locator('.el-table__row').first().waitFor({ timeout: 20_000 });
    mkdirSync(values.shots, { recursive: true });
    await page.screenshot({ path: join(values.shots, 'admin-audit.png') });
    await page.locator('.filters input').first().fill('analyst');
    await page.locator('[data-test=search]').click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(values.shots, 'admin-audit-filtered.png') });
    await browser.close();
    say(`screenshots in ${values.shots}`);
  } catch (e) {
    say(`screenshot failed: ${e?.message ?? e}`);
  }
}

// last of the HTTP probes: a server that fails them may be left busy or killed
await probe('30 wrong passwords are throttled', async () => {
  const statuses = [];
  let retryAfter = false;
  for (let i = 0; i < 30; i++) {
    const r = await http(null, 'POST', '/api/auth/login', { username: 'operator', password: `wrong-${i}` });
    statuses.push(r.status);
    if (r.headers.get('retry-after')) retryAfter = true;
  }
  const throttled = statuses.filter((s) => s === 429 || s === 423).length;
  const counts = Object.entries(statuses.reduce((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {}))
    .map(([s, n]) => `${n}×${s}`)
    .join(', ');
  return { ok: throttled > 0 || retryAfter, detail: counts };
});

/** A 30 KB PNG whose header claims 20000×20000 RGB pixels (1.2 GB decoded). */
function bombPng() {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20000, 0);
  ihdr.writeUInt32BE(20000, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const idat = deflateSync(Buffer.alloc(30 * 1024 * 1024), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

await probe('a decompression-bomb image never stalls /api/health beyond 1 s', async () => {
  // filed by the hotline (the earlier probes used up this address's public filing allowance, as they should); the
  // bomb still goes through the public upload with the ticket's tracking code
  const f = await http('operator', 'POST', '/api/tickets', {
    kind: 'complaint',
    channel: 'phone',
    title: '商品破损',
    text: '收到的花瓶是碎的，要求退款。',
    complainant: { name: '陈明', phone: `137${rnd()}` },
    respondent: { name: '某家居店', address: station.address },
  });
  if (f.status !== 201 || !f.json?.tracking_code) return { ok: false, detail: `filing answered ${f.status}` };
  const png = bombPng();
  let worst = 0;
  let done = false;
  const started = Date.now();
  const upload = fetch(`${base}/api/public/tickets/${encodeURIComponent(f.json.no)}/attachments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    signal: AbortSignal.timeout(45_000),
    body: JSON.stringify({ code: f.json.tracking_code, filename: 'photo.png', content_base64: png.toString('base64') }),
  })
    .then(
      (r) => ({ status: r.status }),
      () => ({ status: 0 }),
    )
    .finally(() => {
      done = true;
    });
  const polls = (async () => {
    while (!done || Date.now() - started < 3000) {
      const s = Date.now();
      try {
        await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(30_000) });
      } catch {
        /* counted as slow */
      }
      worst = Math.max(worst, Date.now() - s);
      if (Date.now() - started > 60_000) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const r = await upload;
  await polls;
  return {
    ok: worst <= 1000 && r.status !== 0 && r.status < 500,
    detail: `${(png.length / 1024).toFixed(0)} KB PNG; upload ${r.status ? `answered ${r.status}` : 'got no answer'} in ${((Date.now() - started) / 1000).toFixed(1)} s; slowest health ${worst} ms`,
  };
});

// ---- at rest: stop the server (PGlite checkpoints on close), then read the directory itself --------------------
await stopServer();
say('server stopped; inspecting the data directory');
function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}
await probe('a phone number written in a complaint text is not in clear anywhere in the data directory', async () => {
  const files = walk(dataDir);
  const needles = [PLANT.phone, PLANT.idno].map((s) => Buffer.from(s));
  const hits = [];
  for (const f of files) {
    const b = readFileSync(f);
    for (const n of needles)
      if (b.includes(n)) hits.push(`${f.slice(dataDir.length + 1)} (${n.toString().slice(0, 3)}…)`);
  }
  return {
    ok: hits.length === 0,
    detail: hits.length
      ? `${hits.length} files: ${hits.slice(0, 5).join(', ')}`
      : `${files.length} files, no clear phone or ID number`,
  };
});
await probe('data directory 0700, files 0600, no key inside', async () => {
  const loose = [];
  const walkAll = (p) => {
    const st = statSync(p);
    if (st.mode & 0o077) loose.push(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) walkAll(join(p, e));
  };
  walkAll(dataDir);
  const keyInside = walk(dataDir).filter((f) => f.endsWith('.key') || readFileSync(f).includes(Buffer.from(KEY)));
  return {
    ok: loose.length === 0 && keyInside.length === 0,
    detail: `${loose.length} group/world-accessible paths${loose.length ? ` (e.g. ${loose[0].slice(dataDir.length)})` : ''}; ${keyInside.length} files holding the key`,
  };
});
await probe('xiezhi audit verify passes on the stopped data directory', async () => {
  const r = spawnSync(process.execPath, [join(root, 'bin/xiezhi.js'), 'audit', 'verify', '--data', dataDir], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  return {
    ok: r.status === 0,
    detail: (r.stdout.trim().split('\n').pop() ?? '').slice(0, 160) || r.stderr.slice(0, 160),
  };
});

cleanup();
const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed} passed, ${failed} failed${values.keep ? ` (data kept in ${work})` : ''}`);
process.exit(failed ? 1 : 0);
