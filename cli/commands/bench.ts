/**
 * `xiezhi bench [NAME...] [--option …]` — runs the benchmark scripts in bench/ (each a standalone `npx tsx bench/<name>.ts` that
 * prints a table and a final JSON line). Without names it lists them; `all` runs every one in turn.
 * The figures and the exact commands are kept in docs/BENCHMARKS.md.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../server/platform/tif/index.js';

const DIR = fileURLToPath(new URL('../../bench/', import.meta.url));

export async function run(argv: string[]): Promise<number> {
  const all = readdirSync(DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  if (!argv.length) {
    console.log(`benchmarks (run: xiezhi bench NAME... | xiezhi bench all):\n${all.map((n) => `  ${n}`).join('\n')}`);
    return 0;
  }
  // options after the names go to every benchmark named (`xiezhi bench failover --rate 10`)
  const firstOpt = argv.findIndex((a) => a.startsWith('--'));
  const opts = firstOpt < 0 ? [] : argv.slice(firstOpt);
  const named = firstOpt < 0 ? argv : argv.slice(0, firstOpt);
  const names = named[0] === 'all' ? all : named;
  if (!names.length) throw new InputError('name a benchmark before its options (xiezhi bench NAME [--option …])');
  for (const n of names)
    if (!all.includes(n)) throw new InputError(`unknown benchmark ${n} (known: ${all.join(', ')})`);
  let failed = 0;
  for (const n of names) {
    console.log(`\n== ${n} ==`);
    const r = spawnSync('npx', ['tsx', `${DIR}${n}.ts`, ...opts], { stdio: 'inherit' });
    if (r.status !== 0) failed++;
  }
  return failed ? 1 : 0;
}
