/**
 * The prebuilt bundle of the hot commands (bin/bundle.js, cli/fast.ts) must behave exactly as the tsx path: same
 * stdout, stderr and exit code on real lines and on bad input, and a bundle whose sources changed is rebuilt.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const REAL = fileURLToPath(new URL('../../shared/data/heimao-furnishing.tif.jsonl.gz', import.meta.url));
const stampFile = `${root}.xiezhi/cli-bundle/fast.stamp.json`;

function cli(args: string[], bundle: boolean, input?: string) {
  const r = spawnSync(process.execPath, ['bin/xiezhi.js', ...args], {
    cwd: root,
    env: { ...process.env, XIEZHI_PROGRESS: '0', XIEZHI_NO_BUNDLE: bundle ? '' : '1' },
    encoding: 'utf8',
    input,
    timeout: 120_000,
  });
  return { out: r.stdout, err: r.stderr, code: r.status };
}

describe('classify through the prebuilt bundle', () => {
  it.skipIf(!existsSync(REAL))(
    'gives the same lines as the tsx path on real complaints',
    () => {
      const args = ['classify', '--model', 'models/goods_service.model.json.gz', REAL];
      const fast = cli(args, true);
      const slow = cli(args, false);
      expect(fast.code).toBe(0);
      expect(fast.out.split('\n').length).toBeGreaterThan(300);
      expect(fast.out).toBe(slow.out);
    },
    120_000,
  );

  it('gives the same errors and exit codes on bad input', () => {
    for (const args of [
      ['classify'],
      ['classify', '--model', 'no-such-model.gz', 'x.jsonl'],
      ['classify', '--bogus'],
    ]) {
      const fast = cli(args, true);
      const slow = cli(args, false);
      expect(fast.code).not.toBe(0);
      expect([fast.code, fast.err, fast.out]).toEqual([slow.code, slow.err, slow.out]);
    }
  }, 120_000);

  it('rebuilds a bundle whose sources changed', () => {
    cli(['classify'], true);
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { inputs: Record<string, string> };
    const real = stamp.inputs['cli/commands/classify.ts'];
    expect(real).toMatch(/^\d+:/);
    stamp.inputs['cli/commands/classify.ts'] = '0:0'; // as if the file had been edited since the build
    writeFileSync(stampFile, JSON.stringify(stamp));
    cli(['classify'], true);
    const after = JSON.parse(readFileSync(stampFile, 'utf8')) as { inputs: Record<string, string> };
    expect(after.inputs['cli/commands/classify.ts']).toBe(real);
  }, 120_000);
});
