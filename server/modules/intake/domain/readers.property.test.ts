/** Property tests (fast-check) of the CSV record reader and the spreadsheet row mapping. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecords, excelSerialToIso, resolveMapping, rowToTicket, type CsvOut } from './columns.js';

const quote = (s: string) => (/[",\n]/.test(s) || s.startsWith('"') ? `"${s.replace(/"/g, '""')}"` : s);
const cellText = fc.string({ unit: fc.constantFrom('a', '退', ',', '"', '\n', ' ', '1', '，'), maxLength: 12 });

function readAll(lines: string[], expected: number | null): CsvOut[] {
  const r = new CsvRecords(50);
  r.expected = expected;
  const out: CsvOut[] = [];
  lines.forEach((l, i) => out.push(...r.push(i + 1, l)));
  out.push(...r.end());
  return out;
}

describe('CSV reader (properties)', () => {
  it('reads back exactly the records an RFC 4180 writer wrote, with their first line numbers', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((k) => fc.array(fc.array(cellText, { minLength: k, maxLength: k }), { minLength: 1, maxLength: 8 })),
        (rows) => {
          const k = rows[0]!.length;
          const text = rows.map((r) => r.map(quote).join(',')).join('\n');
          const out = readAll(text.split('\n'), k);
          expect(out.every((o) => 'record' in o)).toBe(true);
          expect(out.map((o) => ('record' in o ? o.record : []))).toEqual(rows);
          // each record starts on the line after the previous record's last line
          let line = 1;
          out.forEach((o, i) => {
            expect(o.line).toBe(line);
            line += rows[i]!.map(quote).join(',').split('\n').length;
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on any lines, reports each line at most once, in order, and loses no line after a broken one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '退', 'x'), maxLength: 10 }), { maxLength: 30 }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
        (lines, expected) => {
          const out = readAll(lines, expected);
          const starts = out.map((o) => o.line);
          expect([...starts].sort((a, b) => a - b)).toEqual(starts);
          expect(new Set(starts).size).toBe(starts.length);
          for (const s of starts) expect(s >= 1 && s <= lines.length).toBe(true);
          // a line without any quote after the last reported start is never swallowed silently
          const last = lines.length;
          if (last && !lines[last - 1]!.includes('"') && !out.some((o) => o.line === last)) {
            // it may only be the tail of a multi-line record that started earlier and was accepted
            const owner = out.filter((o) => o.line < last).at(-1);
            expect(owner && 'record' in owner).toBeTruthy();
          }
        },
      ),
      { numRuns: 600 },
    );
  });
});

describe('spreadsheet rows (properties)', () => {
  it('a row of any cells gives a ticket or a reason, never a throw', () => {
    const headers = ['id', 'received_at', 'kind', 'text', '联系电话', '备注'];
    const map = resolveMapping(headers);
    const cell = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.double(),
      fc.integer(),
      fc.constant(null),
      fc.date({ noInvalidDate: true }),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 8 }), (row) => {
        const t = rowToTicket(row as never, map, headers);
        expect(typeof t === 'string' || typeof t === 'object').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('an Excel date serial reads back as the day it was written', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
          const serial = midnight / 86_400_000 + 25569;
          expect(excelSerialToIso(serial)).toBe(new Date(midnight).toISOString().slice(0, 10));
          expect(excelSerialToIso(serial + 0.5)).toBe(new Date(midnight + 43_200_000).toISOString().slice(0, 19));
        },
      ),
      { numRuns: 300 },
    );
  });
});
