// `npm test`: runs every vitest project and ends with one plain summary line `N passed, N failed` built from the
// real counts (CI reads the closing line). Exit status is non-zero when any test fails or none ran.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const out = 'test-results/vitest.json';
rmSync(out, { force: true });
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${out}`,
  ...process.argv.slice(2),
];
const r = spawnSync('npx', args, { stdio: 'inherit', env: process.env });
let passed = 0,
  failed = 0;
try {
  const j = JSON.parse(readFileSync(out, 'utf8'));
  passed = j.numPassedTests ?? 0;
  failed =
    (j.numFailedTests ?? 0) +
    (j.numRuntimeErrorTestSuites ?? 0) +
    (j.numFailedTestSuites && !j.numFailedTests ? j.numFailedTestSuites : 0);
} catch {
  failed = Math.max(failed, 1);
}
const db = process.env.DATABASE_URL ? 'postgresql server' : 'embedded PGlite';
console.log(`database: ${db}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(r.status !== 0 || failed > 0 || passed === 0 ? 1 : 0);
