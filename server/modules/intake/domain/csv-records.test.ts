import { describe, expect, it } from 'vitest';
import { CsvRecords, type CsvOut } from './columns.js';

const read = (lines: string[], expected: number | null = 3, maxLines = 200) => {
  const r = new CsvRecords(maxLines);
  r.expected = expected;
  const out: CsvOut[] = [];
  lines.forEach((l, i) => out.push(...r.push(i + 1, l)));
  out.push(...r.end());
  return out;
};

describe('CSV records with recovery from a broken quote', () => {
  it('keeps legitimate quoted line breaks', () => {
    expect(read(['1,"first line', 'second line",x', '2,b,c'])).toEqual([
      { line: 1, record: ['1', 'first line\nsecond line', 'x'] },
      { line: 3, record: ['2', 'b', 'c'] },
    ]);
  });

  it('rejects only the row whose quote never closes and keeps every later row', () => {
    const out = read(['1,a,b', '2,"unterminated,c', '3,d,e', '4,f,g']);
    expect(out).toEqual([
      { line: 1, record: ['1', 'a', 'b'] },
      { line: 2, error: expect.stringMatching(/unterminated quoted field/) },
      { line: 3, record: ['3', 'd', 'e'] },
      { line: 4, record: ['4', 'f', 'g'] },
    ]);
  });

  it('reads a quote inside a field as a character, and does not glue rows together at a later stray quote', () => {
    const out = read(['1,他说"退款,b', '2,c,d', '3,"引号,x', '4,e,f']);
    expect(out[0]).toEqual({ line: 1, record: ['1', '他说"退款', 'b'] });
    expect(out.filter((o) => 'error' in o).map((o) => o.line)).toEqual([3]);
    expect(out.filter((o) => 'record' in o).map((o) => o.line)).toEqual([1, 2, 4]);
  });
  it('rejects a multi-line record of the wrong shape and reads its lines again', () => {
    const out = read(['1,"a', 'b",c,d,e', '2,x,y']);
    // line 2 read alone is a record of its own (its fields are judged by rowToTicket, like any other row)
    expect(out).toEqual([
      { line: 1, error: expect.any(String) },
      { line: 2, record: ['b"', 'c', 'd', 'e'] },
      { line: 3, record: ['2', 'x', 'y'] },
    ]);
  });

  it('gives up on a span longer than the limit, then resumes', () => {
    const lines = ['1,"open', ...Array.from({ length: 10 }, (_, i) => `${i + 2},x,y`)];
    const out = read(lines, null, 5);
    expect(out[0]).toMatchObject({ line: 1, error: expect.any(String) });
    expect(out.slice(1).map((o) => o.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('tolerates a trailing comma', () => {
    expect(read(['1,"a', 'b",c,'])).toEqual([{ line: 1, record: ['1', 'a\nb', 'c', ''] }]);
  });
});
