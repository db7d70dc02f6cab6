/**
 * Personal data at rest: AES-256-GCM for the values, HMAC-SHA256 keyed hashes for matching the same phone/ID/name
 * across tickets without decrypting. The key comes from XIEZHI_KEY (see server/platform/config); two sub-keys are
 * derived from it so a leaked hash key does not decrypt anything.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

export interface Sealer {
  seal(value: unknown): string;
  open<T = unknown>(sealed: string): T;
  /** keyed hash of a normalised identifier, e.g. hash('phone', '13800138000') */
  hash(kind: 'phone' | 'idno' | 'name' | 'address' | 'person' | string, value: string): string;
}

export function makeSealer(masterKey: string): Sealer {
  if (!masterKey || masterKey.length < 16) throw new Error('XIEZHI_KEY must be at least 16 characters');
  const encKey = createHash('sha256').update('xiezhi/enc/v1\0' + masterKey).digest();
  const macKey = createHash('sha256').update('xiezhi/mac/v1\0' + masterKey).digest();
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
  return {
    seal(value) {
      const iv = nextIv();
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(JSON.stringify(value), 'utf8'), c.final()]);
      return 'v1:' + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    open<T>(sealed: string): T {
      if (!sealed.startsWith('v1:')) throw new Error('unknown sealed format');
      const buf = Buffer.from(sealed.slice(3), 'base64');
      const d = createDecipheriv('aes-256-gcm', encKey, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return JSON.parse(Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8')) as T;
    },
    hash(kind, value) {
      return createHmac('sha256', macKey).update(kind + '\0' + normaliseIdentifier(kind, value)).digest('base64url').slice(0, 32);
    },
  };
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
