/**
 * One process per embedded data directory: PGlite has no server in front of its files, so a second process opening
 * them would corrupt them. The owner writes its pid to `xiezhi.lock`; a lock whose process is gone is stale and taken
 * over. Several processes on one database need a PostgreSQL server (DATABASE_URL).
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** `code` of the error thrown when the directory is taken (the CLI prints it as a one-line user error) */
export const DATA_DIR_IN_USE = 'XZ_DATA_DIR_IN_USE';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM'; // exists, owned by someone else
  }
}

/** Takes the directory's lock or throws a one-line reason; returns the release function. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'xiezhi.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw Object.assign(
          new Error(
            `the data directory ${dir} is in use by process ${pid} (one process per embedded database; stop it, or use DATABASE_URL to run several)`,
          ),
          { code: DATA_DIR_IN_USE },
        );
      }
      if (pid === process.pid)
        throw Object.assign(new Error(`the data directory ${dir} is already open in this process`), {
          code: DATA_DIR_IN_USE,
        });
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not lock the data directory ${dir}`);
}
