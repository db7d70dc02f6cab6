/**
 * Personal data at rest: AES-256-GCM for the values, HMAC-SHA256 keyed hashes for matching the same phone/ID/name
 * across tickets without decrypting. The master key comes from XIEZHI_KEY or XIEZHI_KEY_FILE (server/platform/config).
 *
 * Every sealed value names the key that sealed it (a key id: the first 8 hex of an HMAC of the master key, which
 * identifies the key without revealing it), so a re-seal under a new key (`xiezhi reseal`) can run while old and new
 * values coexist, and a wrong key is told apart from tampering. Text values: `v2:<kid>:<base64(iv|tag|ciphertext)>`;
 * binary values (attachments): `XZ2` | kid (4 bytes) | iv | tag | ciphertext. `v1:` values (before key ids) still open.
 *
 * The matching key (HMAC) is derived from the first master key of a database and carried over on rotation (the
 * keyring in server/platform/crypto/keyring.ts stores it sealed under the current key): person links, abnormal-list
 * entries and image-reuse checks hash identifiers with it, and re-hashing all of them is not what a key rotation does.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

export interface Sealer {
  /** key id of the key new values are sealed with */
  readonly kid: string;
  seal(value: unknown): string;
  open<T = unknown>(sealed: string): T;
  sealBytes(value: Uint8Array): Buffer;
  openBytes(sealed: Uint8Array): Buffer;
  /** key id a sealed text or binary value names (v1 values: null) */
  kidOf(sealed: string | Uint8Array): string | null;
  /** keyed hash of a normalised identifier, e.g. hash('phone', '13800138000') */
  hash(kind: 'phone' | 'idno' | 'name' | 'address' | 'person' | string, value: string): string;
  /** the matching (HMAC) key, for the keyring */
  readonly macKey: Buffer;
}

export interface SealerOptions {
  /** the matching key carried over from the database's first master key (keyring); default: derived from masterKey */
  macKey?: Buffer;
  /** earlier master keys whose values may still be opened (during a re-seal) */
  previous?: string[];
}

const BIN_MAGIC = Buffer.from('XZ2');

export function keyId(masterKey: string): string {
  return createHmac('sha256', masterKey).update('xiezhi/kid/v1').digest('hex').slice(0, 8);
}

export function deriveMacKey(masterKey: string): Buffer {
  return createHash('sha256')
    .update('xiezhi/mac/v1\0' + masterKey)
    .digest();
}

function checkKey(masterKey: string) {
  if (!masterKey || masterKey.length < 16) throw new Error('XIEZHI_KEY must be at least 16 characters');
}

export function makeSealer(masterKey: string, opts: SealerOptions = {}): Sealer {
  checkKey(masterKey);
  const encKey = (k: string) =>
    createHash('sha256')
      .update('xiezhi/enc/v1\0' + k)
      .digest();
  const keys = new Map<string, Buffer>();
  const kid = keyId(masterKey);
  keys.set(kid, encKey(masterKey));
  for (const p of opts.previous ?? []) {
    checkKey(p);
    keys.set(keyId(p), encKey(p));
  }
  const current = keys.get(kid)!;
  const macKey = opts.macKey ?? deriveMacKey(masterKey);
  // IVs come from a pool of CSPRNG bytes: one randomBytes call per 4,096 seals instead of one per seal.
  let pool = Buffer.alloc(0);
  let at = 0;
  const nextIv = () => {
    if (at + 12 > pool.length) {
      pool = randomBytes(12 * 4096);
      at = 0;
    }
    at += 12;
    return pool.subarray(at - 12, at);
  };
  const encrypt = (clear: Buffer) => {
    const iv = nextIv();
    const c = createCipheriv('aes-256-gcm', current, iv);
    const body = Buffer.concat([c.update(clear), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  };
  const decrypt = (key: Buffer, buf: Buffer) => {
    const d = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
    d.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([d.update(buf.subarray(28)), d.final()]);
  };
  const keyFor = (k: string) => {
    const key = keys.get(k);
    if (!key)
      throw new Error(
        `sealed with key ${k}, which is not supplied (current key ${kid}); see docs/SECURITY.md on key rotation`,
      );
    return key;
  };
  const openText = (sealed: string): Buffer => {
    if (sealed.startsWith('v2:')) {
      const k = sealed.slice(3, 11);
      return decrypt(keyFor(k), Buffer.from(sealed.slice(12), 'base64'));
    }
    if (sealed.startsWith('v1:')) {
      // v1 carries no key id: try the current key first, then the previous ones
      const buf = Buffer.from(sealed.slice(3), 'base64');
      let err: unknown;
      for (const key of keys.values()) {
        try {
          return decrypt(key, buf);
        } catch (e) {
          err = e;
        }
      }
      throw err;
    }
    throw new Error('unknown sealed format');
  };
  return {
    kid,
    macKey,
    seal(value) {
      return `v2:${kid}:` + encrypt(Buffer.from(JSON.stringify(value), 'utf8')).toString('base64');
    },
    open<T>(sealed: string): T {
      return JSON.parse(openText(sealed).toString('utf8')) as T;
    },
    sealBytes(value) {
      return Buffer.concat([BIN_MAGIC, Buffer.from(kid, 'hex'), encrypt(Buffer.from(value))]);
    },
    openBytes(sealed) {
      const b = Buffer.from(sealed);
      if (b.length < 35 || !b.subarray(0, 3).equals(BIN_MAGIC)) throw new Error('unknown sealed binary format');
      return decrypt(keyFor(b.subarray(3, 7).toString('hex')), b.subarray(7));
    },
    kidOf(sealed) {
      if (typeof sealed === 'string') return sealed.startsWith('v2:') ? sealed.slice(3, 11) : null;
      const b = Buffer.from(sealed);
      return b.subarray(0, 3).equals(BIN_MAGIC) ? b.subarray(3, 7).toString('hex') : null;
    },
    hash(kind, value) {
      return createHmac('sha256', macKey)
        .update(kind + '\0' + normaliseIdentifier(kind, value))
        .digest('base64url')
        .slice(0, 32);
    },
  };
}

/** Re-seals a sealed text value under the sealer's current key without interpreting it (exact bytes kept). */
export function resealText(s: Sealer, sealed: string): string {
  return s.seal(s.open(sealed));
}

export function normaliseIdentifier(kind: string, v: string): string {
  const s = v.normalize('NFKC').trim();
  if (kind === 'phone') {
    const d = s.replace(/\D/g, '');
    return d.length === 13 && d.startsWith('86') ? d.slice(2) : d;
  }
  if (kind === 'idno') return s.replace(/\s/g, '').toUpperCase();
  return s.replace(/\s+/g, '').toLowerCase();
}

/** Masking for display (GB/T 35273 style): keep just enough to recognise, never enough to contact. */
export const mask = {
  name(n?: string | null): string | undefined {
    if (!n) return undefined;
    const c = [...n];
    if (c.length <= 1) return '*';
    if (c.length === 2) return c[0] + '*';
    return c[0] + '*'.repeat(c.length - 2) + c[c.length - 1];
  },
  phone(p?: string | null): string | undefined {
    if (!p) return undefined;
    const d = p.replace(/\s/g, '');
    if (d.length >= 7) return d.slice(0, 3) + '****' + d.slice(-4);
    return '****';
  },
  idNumber(v?: string | null): string | undefined {
    if (!v) return undefined;
    return v.length > 8 ? v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4) : '****';
  },
  address(a?: string | null): string | undefined {
    if (!a) return undefined;
    // keep the administrative part (up to 区/县/镇/街道), hide the street number and room
    const m = /^(.*?(?:区|县|市)(?:.*?(?:街道|镇|乡))?)/.exec(a);
    return (m?.[1] ?? [...a].slice(0, 6).join('')) + '****';
  },
};
