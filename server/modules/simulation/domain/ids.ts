/**
 * Identifiers with real check digits: 统一社会信用代码 (GB 32100-2015, with the embedded GB 11714 organisation code),
 * 居民身份证号码 (GB 11643-1999) and mainland mobile numbers. The platform validates these, so fakes must pass.
 */
import type { Rng } from './rng.js';

const CC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body[i] as string;
    const v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * (ORG_WEIGHTS[i] as number);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CC_CHARS.indexOf(first17[i] as string) * (CC_WEIGHTS[i] as number);
  const c = (31 - (sum % 31)) % 31;
  return CC_CHARS[c] as string;
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return creditCheckChar(code.slice(0, 17)) === code[17];
}

/** kind 'company' → 91…, 'individual' (个体工商户) → 92…; area = 6-digit division code of registration. */
export function makeCreditCode(rng: Rng, area: string, kind: 'company' | 'individual' = 'company'): string {
  // letters allowed in both GB 11714 and GB 32100 charsets
  const orgChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  // most organisation codes of 2015+ registrations begin with MA; older ones are digits
  if (rng.chance(0.7)) body = 'MA' + rng.pick(['1', '2', '3', '4', '5', '6', '7']);
  while (body.length < 8) body += orgChars[rng.int(0, rng.chance(0.8) ? 9 : orgChars.length - 1)];
  let org = body + orgCheck(body);
  if (!CC_CHARS.includes(org[8] as string)) org = body + '0';
  // an 'X' check is legal in GB 11714 and in the GB 32100 charset
  const first17 = (kind === 'company' ? '91' : '92') + area + org;
  return first17 + creditCheckChar(first17);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return '10X98765432'[sum % 11] as string;
}

export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return false;
  return idCheckChar(id.slice(0, 17)) === id[17];
}

export function makeIdNumber(
  rng: Rng,
  area: string,
  birth: { y: number; m: number; d: number },
  male: boolean,
): string {
  let seq = rng.int(0, 99) * 10 + (rng.int(0, 4) * 2 + (male ? 1 : 0));
  if (seq === 0) seq = male ? 1 : 2;
  const first17 =
    area +
    String(birth.y) +
    String(birth.m).padStart(2, '0') +
    String(birth.d).padStart(2, '0') +
    String(seq).padStart(3, '0');
  return first17 + idCheckChar(first17);
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
  '135',
  '138',
  '139',
  '136',
  '186',
  '189',
  '159',
  '158',
  '187',
  '157',
];
export function makeMobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}
