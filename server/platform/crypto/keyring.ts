/**
 * The database's keyring (table seal_keys): which master keys it has been sealed with, by key id, and the matching
 * (HMAC) key sealed under each. Opening a database with a key it does not know is refused — a restored backup opened
 * without its key, or a typo in XIEZHI_KEY, must not start sealing new values under a second key. A retired key
 * (replaced by `xiezhi reseal`) is refused too.
 */
import type { Queryable } from '../db/index.js';
import { InputError } from '../tif/read.js';
import { keyId, makeSealer, type Sealer } from './crypto.js';

export class KeyMismatchError extends InputError {}

interface KeyRow {
  kid: string;
  mac_sealed: string;
  retired_at: Date | null;
}

export async function openKeyring(q: Queryable, masterKey: string, o: { previous?: string[] } = {}): Promise<Sealer> {
  const kid = keyId(masterKey);
  const rows = (await q.query<KeyRow>('SELECT kid, mac_sealed, retired_at FROM seal_keys ORDER BY created_at')).rows;
  const bare = makeSealer(masterKey);
  if (!rows.length) {
    await q.query('INSERT INTO seal_keys (kid, mac_sealed) VALUES ($1, $2) ON CONFLICT (kid) DO NOTHING', [
      kid,
      bare.seal(bare.macKey.toString('base64')),
    ]);
    return makeSealer(masterKey, { previous: o.previous });
  }
  const mine = rows.find((r) => r.kid === kid);
  if (!mine) {
    const active = rows.filter((r) => !r.retired_at).map((r) => r.kid);
    throw new KeyMismatchError(
      `the master key (key id ${kid}) is not this database's key (${active.join(', ') || 'none active'}): supply the key it was sealed with (XIEZHI_KEY or XIEZHI_KEY_FILE), or re-seal with xiezhi reseal`,
    );
  }
  if (mine.retired_at)
    throw new KeyMismatchError(
      `the master key ${kid} was retired by a re-seal on ${mine.retired_at.toISOString()}: use the current key`,
    );
  const macKey = Buffer.from(bare.open<string>(mine.mac_sealed), 'base64');
  return makeSealer(masterKey, { macKey, previous: o.previous });
}

/** Registers newKey as the database's key (carrying the matching key over) and retires the others. */
export async function rotateKeyring(q: Queryable, oldSealer: Sealer, newKey: string): Promise<Sealer> {
  const next = makeSealer(newKey, { macKey: oldSealer.macKey });
  await q.query(
    'INSERT INTO seal_keys (kid, mac_sealed) VALUES ($1, $2) ON CONFLICT (kid) DO UPDATE SET retired_at = NULL',
    [next.kid, next.seal(next.macKey.toString('base64'))],
  );
  return next;
}

export async function retireOtherKeys(q: Queryable, kid: string): Promise<void> {
  await q.query('UPDATE seal_keys SET retired_at = now() WHERE kid <> $1 AND retired_at IS NULL', [kid]);
}
