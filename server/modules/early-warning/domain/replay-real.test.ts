/**
 * The detector must raise exactly the same alerts after a change made only for speed. `fixtures/alerts-real.json` is
 * what `replayAlerts` (the engine `xiezhi mine` and the server share) raised on four real sets with the code of main
 * at a9ef822, before the replay was made faster; regenerate it with `npx tsx scripts/warning-alerts-dump.ts` only
 * when a change is *meant* to change the alerts, and say so in the commit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTif } from '../../../platform/tif/index.js';
import { replayAlerts } from './replay.js';

const DATA = new URL('../../../../../shared/data/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('./fixtures/alerts-real.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown[]
>;

describe('replay on real sets', () => {
  for (const name of Object.keys(expected)) {
    const file = new URL(`${name}.tif.jsonl.gz`, DATA);
    it.skipIf(!existsSync(file))(
      `raises the same alerts as before on ${name}`,
      async () => {
        const { tickets } = await loadTif([file.pathname]);
        const alerts = JSON.parse(JSON.stringify(replayAlerts(tickets))) as unknown[];
        expect(alerts.length).toBe(expected[name]!.length);
        expect(alerts).toEqual(expected[name]);
      },
      60_000,
    );
  }
});
