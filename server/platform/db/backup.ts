/**
 * Backup and restore of the embedded database (PGlite's dumpDataDir / loadDataDir: a gzip tarball of the data
 * directory). The tarball keeps the seal — personal data, documents and evidence files are in it exactly as stored,
 * AES-256-GCM sealed — and never carries the master key: a key file kept in the data directory (the development
 * default) is filtered out of the archive, so a stolen backup opens nothing without the key held elsewhere.
 */
import { existsSync, readdirSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { restrictUmask, tightenPermissions } from '../config/permissions.js';
import { lockDataDir } from './dir-lock.js';

/**
 * names never written to a backup (matched on the file name at any depth): key files, and the process lock, which
 * would make the restored directory look open by whoever took the backup
 */
const SECRET = /(^|\/)(xiezhi\.key|[^/]*\.key|xiezhi\.lock)$/;

export async function backupPglite(
  dataDir: string,
  beforeDump?: (pg: PGlite) => Promise<void>,
): Promise<{ archive: Buffer; files: number; dropped: string[] }> {
  if (!existsSync(dataDir) || !existsSync(`${dataDir}/PG_VERSION`))
    throw new Error(`${dataDir} holds no embedded database`);
  restrictUmask();
  // a running server on this directory would be copied mid-write: take its lock like any other opener
  const unlock = lockDataDir(dataDir);
  const pg = new PGlite({ dataDir });
  try {
    await pg.waitReady;
    if (beforeDump) await beforeDump(pg);
    await pg.query('CHECKPOINT');
    const blob = await pg.dumpDataDir('gzip');
    const { tar, files, dropped } = filterTar(
      gunzipSync(Buffer.from(await blob.arrayBuffer())),
      (name) => !SECRET.test(name),
    );
    return { archive: gzipSync(tar), files, dropped };
  } finally {
    await pg.close();
    unlock();
    tightenPermissions(dataDir);
  }
}

export async function restorePglite(dataDir: string, archive: Buffer): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length)
    throw new Error(`${dataDir} is not empty: restore into a new directory`);
  let tar: Buffer;
  try {
    tar = gunzipSync(archive);
  } catch {
    throw new Error('not a xiezhi backup (gzip tarball expected)');
  }
  const { tar: clean, files } = filterTar(tar, (name) => !SECRET.test(name));
  if (!files) throw new Error('not a xiezhi backup (empty archive)');
  restrictUmask();
  tightenPermissions(dataDir);
  const pg = new PGlite({ dataDir, loadDataDir: new Blob([new Uint8Array(clean)]) });
  await pg.waitReady;
  await pg.close();
  tightenPermissions(dataDir);
}

/** Copies a ustar/pax archive keeping the entries whose name passes; a pax header goes with the entry it describes. */
export function filterTar(
  tar: Buffer,
  keep: (name: string) => boolean,
): { tar: Buffer; files: number; dropped: string[] } {
  const out: Buffer[] = [];
  const dropped: string[] = [];
  let files = 0;
  let pending: Buffer[] = [];
  let paxName: string | undefined;
  let at = 0;
  while (at + 512 <= tar.length) {
    const h = tar.subarray(at, at + 512);
    if (h.every((b) => b === 0)) break;
    const size = parseInt(h.subarray(124, 136).toString('latin1').replace(/\0.*$/, '').trim() || '0', 8);
    const type = String.fromCharCode(h[156]!);
    const len = 512 + Math.ceil(size / 512) * 512;
    const block = tar.subarray(at, at + len);
    at += len;
    if (type === 'x' || type === 'L') {
      const body = block.subarray(512, 512 + size).toString('utf8');
      paxName = type === 'L' ? body.replace(/\0.*$/s, '') : (/\d+ path=([^\n]*)\n/.exec(body)?.[1] ?? paxName);
      pending.push(block);
      continue;
    }
    const prefix = h.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const short = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const name = paxName ?? (prefix ? `${prefix}/${short}` : short);
    if (keep(name)) {
      out.push(...pending, block);
      if (type === '0' || type === '\0') files++;
    } else dropped.push(name);
    pending = [];
    paxName = undefined;
  }
  out.push(Buffer.alloc(1024));
  return { tar: Buffer.concat(out), files, dropped };
}
