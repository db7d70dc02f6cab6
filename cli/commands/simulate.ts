/**
 * `xiezhi simulate --tickets N --seed S --out FILE [--truth FILE] [--end DATE] [--days D]`
 * Writes a synthetic city's tickets as TIF (gzip when FILE ends in .gz) and the ground truth of what was planted.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { intOpt, parse, progress, requireOpt } from '../../server/platform/cli/index.js';
import { InputError } from '../../server/platform/tif/index.js';
import { writeSimulation } from '../../server/modules/simulation/index.js';

const USAGE = 'xiezhi simulate --tickets N --seed S --out FILE [--truth FILE] [--end YYYY-MM-DD] [--days D]';

function writable(file: string, what: string): void {
  const dir = dirname(resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new InputError(`${what}: directory does not exist: ${dir}`);
  try {
    accessSync(existsSync(file) ? file : dir, constants.W_OK);
  } catch {
    throw new InputError(`${what}: not writable: ${file}`);
  }
  if (existsSync(file) && statSync(file).isDirectory()) throw new InputError(`${what}: is a directory: ${file}`);
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      tickets: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      truth: { type: 'string' },
      end: { type: 'string' },
      days: { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length)
    throw new InputError(`unexpected argument ${JSON.stringify(positionals[0])}\nusage: ${USAGE}`);
  const tickets = intOpt(requireOpt(values.tickets, 'tickets', USAGE), 'tickets');
  if (tickets < 1) throw new InputError('--tickets must be at least 1');
  if (tickets > 20_000_000) throw new InputError('--tickets must be at most 20000000');
  const seed = intOpt(requireOpt(values.seed, 'seed', USAGE), 'seed');
  if (seed > 0xffffffff) throw new InputError('--seed must be below 4294967296');
  const out = requireOpt(values.out, 'out', USAGE);
  writable(out, '--out');
  if (values.truth) writable(values.truth, '--truth');
  const end = values.end ?? '2026-10-31';
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(end) ||
    Number.isNaN(Date.parse(end + 'T00:00:00Z')) ||
    new Date(end + 'T00:00:00Z').toISOString().slice(0, 10) !== end
  ) {
    throw new InputError(`--end must be a date YYYY-MM-DD, got ${JSON.stringify(end)}`);
  }
  const days = intOpt(values.days, 'days', 365);
  if (days < 1 || days > 3660) throw new InputError('--days must be between 1 and 3660');
  const bar = progress('simulate', tickets);
  let last = 0;
  const res = await writeSimulation({
    tickets,
    seed,
    end,
    days,
    out,
    truthFile: values.truth,
    onProgress: (n) => {
      bar.tick(n - last);
      last = n;
    },
  });
  bar.done();
  console.log(JSON.stringify(res));
  return 0;
}
