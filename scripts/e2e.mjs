#!/usr/bin/env node
/**
 * Browser flows (issue 6): starts its own server on a fresh temporary data directory with a small demo city, builds
 * the web UI if it is missing or older than its sources, runs e2e/*.spec.ts in Debian's Chromium through
 * playwright-core, prints `N passed, N failed`, exits non-zero on failure, and stops the server.
 *
 *   node scripts/e2e.mjs [--shots] [--only TEXT] [--tickets N] [--keep]
 *     --shots     write screenshots of each main screen to docs/screenshots/ (otherwise test-results/e2e/)
 *     --only      run only the tests whose name contains TEXT
 *     --tickets   size of the demo city (default 3000)
 *     --keep      keep the temporary data directory
 *     --two-step  load with `demo --no-serve`, then start `serve` on the same data; by default the server starts
 *                 with the README's single command (`xiezhi demo --port N`: load, then serve in one process)
 * Environment: CHROMIUM (default /usr/bin/chromium), E2E_BASE (use a running server instead of starting one).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    shots: { type: 'boolean' },
    only: { type: 'string' },
    tickets: { type: 'string' },
    keep: { type: 'boolean' },
    'one-process': { type: 'boolean' },
    'two-step': { type: 'boolean' },
  },
});
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
// the unified regulatory platform's webhook secret, for the server started here and for the specs (same process) that
// sign deliveries with it; a server given through E2E_BASE must be started with the same XIEZHI_REGULATORY_SECRET
process.env.XIEZHI_REGULATORY_SECRET ??= 'e2e-regulatory-platform-secret-0123';
const say = (s) => process.stdout.write(`e2e: ${s}\n`);
const done = (passed, failed, code) => {
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(code ?? (failed ? 1 : 0));
};

if (!existsSync(chromiumPath)) {
  say(`no Chromium at ${chromiumPath} (apt-get install -y chromium fonts-noto-cjk)`);
  done(0, 1);
}

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const dist = join(root, 'web/dist/index.html');
const srcTime = Math.max(
  newest(join(root, 'web/src')),
  statSync(join(root, 'web/index.html')).mtimeMs,
  statSync(join(root, 'web/vite.config.ts')).mtimeMs,
);
if (!existsSync(dist) || statSync(dist).mtimeMs < srcTime) {
  say('building the web UI (vite build)…');
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) {
    say('web build failed');
    done(0, 1);
  }
}

const freePort = () =>
  new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });

let server = null;
let dataDir = null;
function stop() {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    const t = setTimeout(() => server.exitCode === null && server.kill('SIGKILL'), 5000);
    t.unref();
  }
  if (dataDir && !values.keep) rmSync(dataDir, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});
process.on('SIGTERM', () => {
  stop();
  process.exit(143);
});

let base = process.env.E2E_BASE;
if (!base) {
  const port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'xiezhi-e2e-'));
  const logDir = join(root, 'test-results');
  mkdirSync(logDir, { recursive: true });
  const logPath = join(logDir, 'e2e-server.log');
  const log = createWriteStream(logPath);
  const tickets = values.tickets ?? '3000';
  say(`starting the demo server: ${tickets} tickets, port ${port}, data ${dataDir} (log ${logPath})`);
  // 12345 replies are delivered to a file drop in the data directory (the offline centre's channel), unless the caller
  // names an endpoint of its own (scripts/loopback-12345.mjs serves one)
  const env = {
    ...process.env,
    XIEZHI_PROGRESS: '0',
    XIEZHI_12345_DROP_DIR: process.env.XIEZHI_12345_DROP_DIR ?? join(dataDir, '12345-out'),
  };
  let args = ['demo', '--data', dataDir, '--tickets', tickets, '--port', String(port), '--host', '127.0.0.1'];
  if (values['two-step']) {
    // load the demo city with `demo --no-serve`, then serve it from a fresh process
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin/xiezhi.js'), 'demo', '--data', dataDir, '--tickets', tickets, '--no-serve'],
      { cwd: root, env, encoding: 'utf8' },
    );
    log.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    if (r.status !== 0) {
      say(`loading the demo city failed (exit ${r.status}); see ${logPath}`);
      stop();
      done(0, 1);
    }
    args = ['serve', '--data', dataDir, '--port', String(port), '--host', '127.0.0.1'];
  }
  server = spawn(process.execPath, [join(root, 'bin/xiezhi.js'), ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (server.exitCode !== null) {
      say(`the server exited with ${server.exitCode}; see ${logPath}`);
      stop();
      done(0, 1);
    }
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() - t0 > 300_000) {
      say('the server did not answer /api/health within 300 s');
      stop();
      done(0, 1);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  say(`server up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

let result = { passed: 0, failed: 1 };
try {
  // one global TypeScript loader, so the specs and the runner share the harness module (and its test list)
  const { register } = await import('tsx/esm/api');
  register();
  const specs = readdirSync(join(root, 'e2e'))
    .filter((f) => f.endsWith('.spec.ts'))
    .sort();
  const harness = await import(pathToFileURL(join(root, 'e2e/harness.ts')).href);
  for (const s of specs) await import(pathToFileURL(join(root, 'e2e', s)).href);
  const shots = values.shots ? join(root, 'docs/screenshots') : join(root, 'test-results/e2e');
  result = await harness.runAll({ base, shots, only: values.only, executablePath: chromiumPath });
} catch (e) {
  say(`runner error: ${e?.stack ?? e}`);
} finally {
  stop();
}
done(result.passed, result.failed);
