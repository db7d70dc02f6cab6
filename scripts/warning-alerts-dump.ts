/**
 * Writes the alerts `replayAlerts` (what `xiezhi mine` calls) raises on real sets, one JSON file, so that a change to
 * the engine's speed can be checked to raise exactly the same alerts:
 * `npx tsx scripts/warning-alerts-dump.ts OUT.json [ENGINE_DIR]` (ENGINE_DIR: another checkout's
 * server/modules/early-warning, to dump the alerts of the code before a change).
 */
import type * as EarlyWarning from '../server/modules/early-warning/index.js';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadTif } from '../server/platform/tif/index.js';

const [out, dir = 'server/modules/early-warning'] = process.argv.slice(2);
if (!out) throw new Error('usage: scripts/warning-alerts-dump.ts OUT.json [ENGINE_DIR]');
const mod = (await import(pathToFileURL(resolve(dir, 'index.ts')).href)) as typeof EarlyWarning;
const DATA = process.env.XZ_DATA ?? '../shared/data';
const sets = (process.env.SETS ?? 'car-complaints,fuzhou-12345,heimao-furnishing,cfpb-samples,tx-insurance').split(',');
const res: Record<string, unknown> = {};
for (const name of sets) {
  const { tickets } = await loadTif([`${DATA}/${name}.tif.jsonl.gz`]);
  const t0 = process.cpuUsage();
  const alerts = mod.replayAlerts(tickets);
  const c = process.cpuUsage(t0);
  console.error(
    `${name}: ${tickets.length} tickets, ${alerts.length} alerts, ${((c.user + c.system) / 1e6).toFixed(1)} s CPU`,
  );
  res[name] = alerts;
}
writeFileSync(out, JSON.stringify(res, null, 1));
