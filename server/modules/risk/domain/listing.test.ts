import { describe, expect, it } from 'vitest';
import { keyedHasher } from './identity.js';
import {
  canSeeUnmasked,
  exportRecord,
  maskAddress,
  maskIdNumber,
  maskName,
  maskPhone,
  matchImported,
  sharingKeys,
} from './listing.js';

const person = {
  name: '张三丰',
  id_number: '310101199001011234',
  phone: '13812345678',
  address: '上海市徐汇区漕溪北路100弄5号601室',
};
const counts = {
  complaints: 120,
  reports: 40,
  disclosure: 5,
  reviews_lawsuits: 3,
  discipline: 1,
  issues: ['标签标识'],
  categories: ['食品类'],
};
const listing = {
  legal_basis: '岳市监〔2024〕16号 二(六)',
  decided_at: '2026-01-07T09:00:00+08:00',
  expires_at: '2027-01-07',
};

describe('abnormal-list export record', () => {
  it('masks by default and for every role not allowed, even when unmasked is asked for', () => {
    for (const role of ['partner', 'officer', 'operator', 'enterprise', 'public', 'admin'] as const) {
      const r = exportRecord(person, counts, listing, { role, unmasked: true });
      expect(r.masked).toBe(true);
      expect(JSON.stringify(r)).not.toMatch(/13812345678|310101199001011234|张三丰|漕溪北路/);
    }
    const d = exportRecord(person, counts, listing);
    expect(d).toMatchObject({
      name: '张**',
      id_number: '310***********1234',
      phone: '138****5678',
      address: '上海市徐汇区****',
      complaints: 120,
      disclosure_requests: 5,
    });
  });

  it('shows clear values only to allowed roles that ask for them', () => {
    expect(canSeeUnmasked('supervisor')).toBe(true);
    expect(canSeeUnmasked('partner')).toBe(false);
    expect(exportRecord(person, counts, listing, { role: 'supervisor' }).masked).toBe(true);
    const r = exportRecord(person, counts, listing, { role: 'analyst', unmasked: true });
    expect(r).toMatchObject({
      name: '张三丰',
      id_number: '310101199001011234',
      masked: false,
      listed_on: '2026-01-07',
    });
  });

  it('mask helpers handle short and missing values', () => {
    expect(maskName('李')).toBe('*');
    expect(maskIdNumber(undefined)).toBe('');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskAddress('某地')).toBe('某地****');
  });

  it("matches another district's entries on keyed hashes only", () => {
    const h = keyedHasher('city-key');
    const keys = sharingKeys(person, h);
    expect(keys.join()).not.toMatch(/1381234|3101011990/);
    const local = new Map([
      ['p-local', sharingKeys({ phone: '138 1234 5678' }, h)],
      ['p-other', sharingKeys({ phone: '13900000000' }, h)],
    ]);
    expect(matchImported([{ entry_id: 'X1', keys }], local)).toEqual(new Map([['X1', ['p-local']]]));
    expect(matchImported([{ entry_id: 'X1', keys: sharingKeys(person, keyedHasher('other-key')) }], local).size).toBe(
      0,
    );
  });
});
