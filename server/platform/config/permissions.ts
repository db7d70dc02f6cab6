/**
 * The data directory is the bureau's personal data: 0700 for directories, 0600 for files. PGlite unpacks its initial
 * cluster with mode 0666 and creates later files under the process umask, so we set umask 077 for the process and
 * tighten whatever is already there (the finding: 968 of 1,083 files world-writable) every time a directory is opened.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function restrictUmask(): void {
  process.umask(0o077);
}

/** Creates dir (0700) if missing and removes group/other bits from everything below it; returns how many it fixed. */
export function tightenPermissions(dir: string): number {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let fixed = 0;
  const walk = (p: string) => {
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return;
    const want = st.isDirectory() ? 0o700 : 0o600;
    if ((st.mode & 0o777) !== want && (st.mode & 0o077) !== 0) {
      chmodSync(p, want);
      fixed++;
    }
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
  };
  walk(dir);
  return fixed;
}

/** Files and directories below dir that group or others may read or write. */
export function looseFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) out.push(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
  };
  walk(dir);
  return out;
}
