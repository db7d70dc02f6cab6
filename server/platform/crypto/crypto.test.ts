import { describe, expect, it } from 'vitest';
import { makeSealer, mask } from './crypto.js';

describe('personal-data sealing', () => {
  const s = makeSealer('test-key-0123456789abcdef');
  it('round-trips and does not store clear text', () => {
    const sealed = s.seal({ name: '张三', phone: '13800138000' });
    expect(sealed).not.toContain('13800138000');
    expect(s.open(sealed)).toEqual({ name: '张三', phone: '13800138000' });
  });
  it('refuses tampered data', () => {
    const sealed = s.seal({ a: 1 });
    const bad = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => s.open(bad)).toThrow();
  });
  it('hashes normalised identifiers with the key', () => {
    expect(s.hash('phone', '138 0013 8000')).toBe(s.hash('phone', '+86 13800138000'));
    expect(makeSealer('another-key-0123456789').hash('phone', '13800138000')).not.toBe(s.hash('phone', '13800138000'));
  });
  it('masks for display', () => {
    expect(mask.name('张三丰')).toBe('张*丰');
    expect(mask.phone('13800138000')).toBe('138****8000');
    expect(mask.idNumber('310101199001011234')).toBe('3101**********1234');
    expect(mask.address('上海市松江区岳阳街道人民北路123号')).toBe('上海市松江区岳阳街道****');
  });
});
