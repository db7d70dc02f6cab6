/**
 * `xiezhi bench [NAME...]` — runs the benchmark scripts in bench/ (each a standalone `npx tsx bench/<name>.ts` that
 * prints a table and a final JSON line). Without names it lists them; `all` runs every one in turn.
 * The figures and the exact commands are kept in docs/BENCHMARKS.md.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../server/platform/tif/index.js';

const DIR = fileURLToPath(new URL('../../bench/', import.meta.url));

export async function run(argv: string[]): Promise<number> {
  const all = readdirSync(DIR).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
  if (!argv.length) {
    console.log(`benchmarks (run: xiezhi bench NAME... | xiezhi bench all):\n${all.map((n) => `  ${n}`).join('\n')}`);
    return 0;
  }
  const names = argv[0] === 'all' ? all : argv;
  for (const n of names) if (!all.includes(n)) throw new InputError(`unknown benchmark ${n} (known: ${all.join(', ')})`);
  let failed = 0;
  for (const n of names) {
    console.log(`\n== ${n} ==`);
    const r = spawnSync('npx', ['tsx', `${DIR}${n}.ts`], { stdio: 'inherit' });
    if (r.status !== 0) failed++;
  }
  return failed ? 1 : 0;
}
