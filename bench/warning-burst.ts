/**
 * The intraday path on a burst: `npx tsx bench/warning-burst.ts [DIR] [N]` — 60 quiet days of 50 businesses, then N
 * people about one gym on one day. Prints the engine's CPU seconds and a hash of its alerts, so that two checkouts
 * (DIR: the repository root of each) can be compared for speed and for identical alerts.
 */
import type * as EarlyWarning from '../server/modules/early-warning/index.js';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TifTicket } from '../shared/tif.js';
const dir = process.argv[2] ?? '.';
const N = Number(process.argv[3] ?? 3000);
const { WarningEngine } = (await import(
  pathToFileURL(resolve(dir, 'server/modules/early-warning/index.ts')).href
)) as typeof EarlyWarning;
const e = new WarningEngine();
const ts: TifTicket[] = [];
for (let d = 0; d < 60; d++)
  for (let k = 0; k < 50; k++)
    ts.push({
      id: `q${d}-${k}`,
      kind: 'complaint',
      received_at: new Date(Date.UTC(2024, 0, 1 + d, 2)).toISOString(),
      complainant: { id: `u${d}-${k}` },
      respondent: { name: `商家${k}有限公司` },
      text: '退款不到账',
    });
for (let i = 0; i < N; i++)
  ts.push({
    id: `b${i}`,
    kind: 'complaint',
    received_at: `2024-03-05T${String(8 + Math.floor((i * 12) / N)).padStart(2, '0')}:00:00+08:00`,
    complainant: { id: `p${i}` },
    respondent: { name: '恒泰健身有限公司' },
    text: '健身房突然关门，预付卡无法退款',
  });
const c0 = process.cpuUsage();
for (const t of ts) e.add(t);
e.flush();
const c = process.cpuUsage(c0);
const ev = e.events();
console.log(
  dir,
  N,
  'cpu_s',
  ((c.user + c.system) / 1e6).toFixed(2),
  'alerts',
  ev.length,
  'hash',
  createHash('sha1').update(JSON.stringify(ev)).digest('hex').slice(0, 12),
);
