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

describe('key ids and rotation', () => {
  const oldS = makeSealer('old-key-0123456789abcdef');
  const newS = makeSealer('new-key-0123456789abcdef', { previous: ['old-key-0123456789abcdef'], macKey: oldS.macKey });
  it('names the sealing key in every value, text and binary', () => {
    expect(oldS.kid).toMatch(/^[0-9a-f]{8}$/);
    expect(oldS.kid).not.toBe(newS.kid);
    expect(oldS.kidOf(oldS.seal('x'))).toBe(oldS.kid);
    expect(oldS.kidOf(oldS.sealBytes(Buffer.from('abc')))).toBe(oldS.kid);
    expect(oldS.seal('13912345678')).not.toContain(oldS.macKey.toString('base64'));
  });
  it('opens values of a previous key and seals under the new one', () => {
    const v = oldS.seal({ phone: '13912345678' });
    const b = oldS.sealBytes(Buffer.from('图片内容'));
    expect(newS.open(v)).toEqual({ phone: '13912345678' });
    expect(newS.openBytes(b).toString()).toBe('图片内容');
    expect(newS.kidOf(newS.seal('x'))).toBe(newS.kid);
  });
  it('refuses a value sealed with a key it was not given, naming the key', () => {
    const stranger = makeSealer('stranger-0123456789abcdef');
    expect(() => stranger.open(oldS.seal('x'))).toThrow(new RegExp(oldS.kid));
    expect(() => stranger.openBytes(oldS.sealBytes(Buffer.from('x')))).toThrow(new RegExp(oldS.kid));
  });
  it('keeps matching hashes across a rotation when the matching key is carried over', () => {
    expect(newS.hash('phone', '13912345678')).toBe(oldS.hash('phone', '13912345678'));
  });
  it('still opens v1 values (before key ids)', () => {
    // a v1 value as the previous sealer wrote it: iv | tag | ciphertext under the same derived key, no key id
    const v2 = oldS.seal('hello');
    const v1 = 'v1:' + v2.slice(12);
    expect(oldS.open(v1)).toBe('hello');
    expect(newS.open(v1)).toBe('hello');
  });
  it('detects a tampered binary value', () => {
    const b = oldS.sealBytes(Buffer.from('evidence'));
    b[b.length - 1] = b[b.length - 1]! ^ 1;
    expect(() => oldS.openBytes(b)).toThrow();
  });
});
