/**
 * The file drop for offline centres: one JSON file per message, written under a temporary name and renamed, so a
 * reader never sees half a file; a file already there under the key means the message was dropped before.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { dropFileName } from '../domain/delivery.js';
import type { AttemptResult } from './http-endpoint.js';

export function dropToDirectory(dir: string, key: string, payload: unknown): AttemptResult {
  try {
    mkdirSync(dir, { recursive: true });
    const target = join(dir, dropFileName(key));
    if (existsSync(target)) return { ok: true };
    const tmp = join(dir, `.${dropFileName(key)}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(tmp, `${JSON.stringify({ idempotency_key: key, ...(payload as object) }, null, 2)}\n`, {
      mode: 0o640,
    });
    renameSync(tmp, target);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: (e as Error).message.slice(0, 200) };
  }
}
