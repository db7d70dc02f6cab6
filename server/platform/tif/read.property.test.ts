/** Property tests (fast-check) of the TIF line validator: any JSON value gives a ticket or a reason, never a throw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateTimeProblem } from '../../../shared/dates.js';
import { toTicket } from './read.js';

const strings = (v: unknown): string[] =>
  typeof v === 'string'
    ? [v]
    : v && typeof v === 'object'
      ? Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)])
      : [];
const realDay = fc.date({
  min: new Date('1990-01-01T00:00:00Z'),
  max: new Date('2040-12-31T23:59:59Z'),
  noInvalidDate: true,
});

describe('TIF reader (properties)', () => {
  it('never throws; a ticket it accepts has a real received_at and no NUL anywhere', () => {
    const field = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.dictionary(fc.string(), fc.string({ unit: 'binary' })),
    );
    const line = fc.record(
      {
        id: fc.oneof(fc.string({ unit: 'binary' }), fc.integer()),
        received_at: fc.oneof(
          fc.string(),
          realDay.map((d) => d.toISOString()),
          fc
            .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
            .map(
              ([y, m, d]) =>
                `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
            ),
        ),
        text: field,
        title: field,
        complainant: field,
        respondent: field,
        labels: field,
        amount: field,
        whatever: field,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(line, fc.jsonValue()), (v) => {
        const t = toTicket(v);
        if (typeof t === 'string') return;
        expect(dateTimeProblem(t.received_at)).toBeNull();
        for (const s of strings(t)) expect(s.includes('\u0000')).toBe(false);
        expect(typeof t.id).toBe('string');
      }),
      // a shrunk counterexample CI found once: a field whose object has its own `toString` key made String() throw
      { numRuns: 1000, examples: [[{ id: 0, received_at: '1990-01-01T00:00:00.000Z', text: { toString: '' } }]] },
    );
  });

  it('accepts every real instant written in ISO 8601, and survives a JSON round trip', () => {
    fc.assert(
      fc.property(realDay, fc.string(), (d, text) => {
        const t = toTicket(JSON.parse(JSON.stringify({ id: 'x', received_at: d.toISOString(), text })));
        expect(typeof t).toBe('object');
        expect(typeof t === 'object' && t.received_at).toBe(d.toISOString());
      }),
      { numRuns: 300 },
    );
  });

  it('reads a line the same whether or not it is given the JSON text (the fast path that skips cleanInput)', () => {
    // control characters, DEL, NUL, backslashes and \b / \f in values and keys: each must take the slow path
    const nasty = fc.string({
      unit: fc.constantFrom(
        'a',
        '好',
        '\\',
        'b',
        'f',
        'u',
        '0',
        '\u0000',
        '\u0001',
        '\b',
        '\f',
        '\u007f',
        '\u001f',
        '\t',
        '\n',
      ),
    });
    const line = fc.record(
      {
        id: fc.oneof(nasty, fc.constant('x1')),
        received_at: fc.constant('2026-01-02T03:04:05+08:00'),
        text: nasty,
        title: nasty,
        respondent: fc.dictionary(nasty, nasty, { maxKeys: 2 }),
        labels: fc.dictionary(nasty, nasty, { maxKeys: 2 }),
        extra_field: fc.dictionary(nasty, nasty, { maxKeys: 2 }),
      },
      { requiredKeys: ['received_at'] },
    );
    fc.assert(
      fc.property(line, (v) => {
        const raw = JSON.stringify(v);
        expect(toTicket(JSON.parse(raw), raw)).toEqual(toTicket(JSON.parse(raw)));
      }),
      { numRuns: 2000 },
    );
  });
});
