/**
 * Demo start-up: an empty embedded database → a simulated city of N tickets (default 50,000) loaded with its
 * workflow history, as `npm start` does. Run: npx tsx bench/platform-demo-load.ts [N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../server/app.js';
import { loadDemo } from '../server/demo/load-demo.js';

const n = Number(process.argv[2] ?? 50_000);
const dir = mkdtempSync(join(tmpdir(), 'xz-bench-demo-'));
const t0 = Date.now();
const c0 = process.cpuUsage();
const app = await openApp({ dataDir: dir });
const tOpen = (Date.now() - t0) / 1000;
const r = await loadDemo(app, { tickets: n, seed: 2026 });
await app.close();
const total = (Date.now() - t0) / 1000;
const cu = process.cpuUsage(c0);
const cpu = (cu.user + cu.system) / 1e6;
rmSync(dir, { recursive: true, force: true });
console.log(
  `| tickets | open+migrate s | load s | total wall s | CPU s (this process, incl. PGlite) | peak RSS MB | load avg |`,
);
console.log(
  `| ${n} | ${tOpen.toFixed(1)} | ${r.seconds.toFixed(1)} | ${total.toFixed(1)} | ${cpu.toFixed(1)} | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} | ${(await import('node:os')).loadavg()[0]!.toFixed(1)} |`,
);
console.log(
  JSON.stringify({ bench: 'demo-load', tickets: n, open_s: tOpen, load_s: r.seconds, total_s: total, cpu_s: cpu }),
);
