/** Builds the web UI on first start when web/dist is missing (a fresh clone), so `npm start` is one command. */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export async function ensureWebBuilt(): Promise<void> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  if (existsSync(`${root}web/dist/index.html`) || !existsSync(`${root}web/index.html`)) return;
  process.stderr.write('building the web UI (first start only)…\n');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('web UI build failed (npm run build:web)');
}
