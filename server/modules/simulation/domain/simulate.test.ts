import { describe, expect, it } from 'vitest';
import type { TifTicket } from '../../../../shared/tif.js';
import { GOODS_CATEGORIES, SERVICE_CATEGORIES } from '../../../../shared/domain.js';
import { simulateCity } from '../index.js';
import { isValidCreditCode, isValidIdNumber } from './ids.js';

const N = 5000;
const city = simulateCity({ tickets: N, seed: 42 });
const tickets: TifTicket[] = [...city.tickets];
const truth = city.truth();
const byId = new Map(tickets.map((t) => [t.id, t]));

/** character-bigram Jaccard similarity of two texts */
function sim(a: string, b: string): number {
  const grams = (s: string) => new Set(Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2)));
  const A = grams(a);
  const B = grams(b);
  let inter = 0;
  for (const g of A) if (B.has(g)) inter++;
  return inter / (A.size + B.size - inter || 1);
}
function meanPairSim(texts: string[]): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < Math.min(texts.length, i + 6); j++) {
      s += sim(texts[i]!, texts[j]!);
      n++;
    }
  return n ? s / n : 0;
}

describe('simulateCity', () => {
  it('writes exactly N tickets with unique ids, and is deterministic for a seed', () => {
    expect(tickets.length).toBe(N);
    expect(new Set(tickets.map((t) => t.id)).size).toBe(N);
    const again = [...simulateCity({ tickets: N, seed: 42 }).tickets];
    expect(JSON.stringify(again.slice(0, 300))).toBe(JSON.stringify(tickets.slice(0, 300)));
    expect(JSON.stringify(again.slice(-300))).toBe(JSON.stringify(tickets.slice(-300)));
    const other = [...simulateCity({ tickets: 200, seed: 43 }).tickets];
    expect(other.length).toBe(200);
    expect(other[0]!.text).not.toBe(tickets[0]!.text);
    expect([...simulateCity({ tickets: 1, seed: 1 }).tickets].length).toBe(1);
  });

  it('keeps dates inside the window with +08:00 times, in order', () => {
    for (const t of tickets) expect(t.received_at).toMatch(/^(2025-1[12]|2026-(0\d|10))-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    const sorted = [...tickets].map((t) => t.received_at);
    expect(sorted).toEqual([...sorted].sort());
    const r = [...simulateCity({ tickets: 300, seed: 1, end: '2025-03-31', days: 31 }).tickets];
    for (const t of r) expect(t.received_at.slice(0, 7)).toBe('2025-03');
  });

  it('has valid ID numbers and credit codes', () => {
    let ids = 0;
    let codes = 0;
    for (const t of tickets) {
      if (t.complainant?.id_number) {
        ids++;
        expect(isValidIdNumber(t.complainant.id_number), t.complainant.id_number).toBe(true);
      }
      if (t.respondent?.credit_code) {
        codes++;
        expect(isValidCreditCode(t.respondent.credit_code), t.respondent.credit_code).toBe(true);
      }
      if (t.complainant?.phone && !t.complainant.phone.startsWith('021'))
        expect(t.complainant.phone).toMatch(/^1[3-9]\d{9}$/);
    }
    expect(ids).toBeGreaterThan(N * 0.3);
    expect(codes).toBeGreaterThan(N * 0.1);
    for (const b of city.businesses) expect(isValidCreditCode(b.credit_code), b.credit_code).toBe(true);
    const odr = city.businesses.filter((b) => b.odr);
    expect(odr.length).toBeGreaterThanOrEqual(100);
    expect(city.businesses.filter((b) => b.is_platform).every((b) => b.odr)).toBe(true);
  });

  it('roughly follows the target proportions', () => {
    const share = (f: (t: TifTicket) => boolean) => tickets.filter(f).length / N;
    expect(share((t) => t.kind === 'complaint')).toBeGreaterThan(0.62);
    expect(share((t) => t.kind === 'complaint')).toBeLessThan(0.78);
    expect(share((t) => t.kind === 'report')).toBeGreaterThan(0.1);
    expect(share((t) => t.kind === 'report')).toBeLessThan(0.2);
    expect(share((t) => t.kind === 'consultation')).toBeGreaterThan(0.08);
    const goods = share((t) => (GOODS_CATEGORIES as readonly string[]).includes(t.labels!.goods_service!));
    const services = share((t) => (SERVICE_CATEGORIES as readonly string[]).includes(t.labels!.goods_service!));
    expect(goods).toBeGreaterThan(0.38);
    expect(goods).toBeLessThan(0.54);
    expect(services).toBeGreaterThan(0.34);
    expect(share((t) => t.labels!.problem === '售后服务')).toBeGreaterThan(0.18);
    const reportPart =
      tickets.filter((t) => t.kind === 'complaint' && t.extra?.has_report_part).length /
      tickets.filter((t) => t.kind === 'complaint').length;
    expect(reportPart).toBeGreaterThan(0.02);
    expect(reportPart).toBeLessThan(0.1);
    for (const ch of ['web', 'phone', '12345', 'app', 'wechat'])
      expect(share((t) => t.channel === ch)).toBeGreaterThan(0.04);
    // most people file once or twice
    const per = new Map<string, number>();
    for (const t of tickets) if (t.complainant?.id) per.set(t.complainant.id, (per.get(t.complainant.id) ?? 0) + 1);
    const few = [...per.values()].filter((v) => v <= 2).length / per.size;
    expect(few).toBeGreaterThan(0.9);
  });

  it('gives dispatch truth for tickets about a business', () => {
    const withBiz = tickets.filter((t) => t.respondent?.name);
    expect(withBiz.length).toBeGreaterThan(N * 0.5);
    for (const t of withBiz.slice(0, 500)) expect(String(t.extra?.district_code)).toMatch(/^\d{6}$/);
    const sh = withBiz.filter((t) => String(t.extra?.district_code).startsWith('31'));
    for (const t of sh.slice(0, 500)) expect(String(t.extra?.street_code)).toMatch(/^31\d{7}$/);
    expect(withBiz.some((t) => !String(t.extra?.district_code).startsWith('31'))).toBe(true);
  });

  it('has truth consistent with the tickets', () => {
    for (const a of truth.alerts) for (const id of a.ticket_ids) expect(byId.has(id), id).toBe(true);
    for (const tp of truth.templates) for (const id of tp.ticket_ids) expect(byId.has(id), id).toBe(true);
    const groups = truth.alerts.filter((a) => a.kind === 'group_dispute');
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const g of groups) {
      const ts = g.ticket_ids.map((id) => byId.get(id)!);
      const people = new Set(ts.map((t) => t.complainant?.id));
      expect(people.size).toBeGreaterThanOrEqual(8);
      for (const t of ts) {
        expect(t.received_at.slice(0, 10) >= g.start && t.received_at.slice(0, 10) <= g.end).toBe(true);
        if (t.respondent?.name) expect(t.respondent.name).toBe(g.subject_key);
      }
      const spanDays = (Date.parse(g.end) - Date.parse(g.start)) / 86_400_000 + 1;
      expect(spanDays).toBeLessThanOrEqual(14);
    }
    expect(truth.alerts.some((a) => a.kind === 'concentrated_demand')).toBe(true);
    const ids = new Set(tickets.map((t) => t.complainant?.id));
    for (const p of truth.persons) expect(ids.has(p.complainant_id), p.complainant_id).toBe(true);
    expect(truth.persons.some((p) => p.role === 'professional')).toBe(true);
    expect(truth.persons.some((p) => p.role === 'colluding' && p.group)).toBe(true);
    expect(truth.persons.some((p) => p.role === 'honest_heavy')).toBe(true);
    for (const t of tickets) if (t.extra?.duplicate_of) expect(byId.has(String(t.extra.duplicate_of))).toBe(true);
  });

  it('makes professional texts templated and honest heavy texts varied, both heavy', () => {
    const textsOf = (id: string, kind?: string) =>
      tickets.filter((t) => t.complainant?.id === id && (!kind || t.kind === kind)).map((t) => t.text ?? '');
    // compare like with like: a professional's complaints with each other (their reports follow a second template)
    const pros = truth.persons
      .filter((p) => p.role === 'professional')
      .map((p) => textsOf(p.complainant_id, 'complaint'))
      .filter((x) => x.length >= 6);
    const honest = truth.persons.filter((p) => p.role === 'honest_heavy').map((p) => textsOf(p.complainant_id));
    expect(pros.length).toBeGreaterThan(0);
    for (const h of honest) expect(h.length).toBeGreaterThanOrEqual(10);
    const proSim = pros.map((x) => meanPairSim(x));
    const honestSim = honest.map((x) => meanPairSim(x));
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(avg(proSim)).toBeGreaterThan(0.45);
    expect(avg(honestSim)).toBeLessThan(0.25);
    expect(avg(proSim)).toBeGreaterThan(avg(honestSim) * 2);
    // elderly honest filer: birth year from the ID number ≤ 1955 somewhere in truth
    const elderly =
      honest.length &&
      truth.persons
        .filter((p) => p.role === 'honest_heavy')
        .some((p) => {
          const t = tickets.find((x) => x.complainant?.id === p.complainant_id && x.complainant.id_number);
          return t ? Number(t.complainant!.id_number!.slice(6, 10)) <= 1955 : false;
        });
    expect(elderly).toBe(true);
  });

  it('writes texts in many shapes (no single template for ordinary complaints)', () => {
    const ordinary = tickets
      .filter((t) => t.kind === 'complaint' && !t.extra?.duplicate_of)
      .slice(0, 400)
      .map((t) => t.text ?? '');
    expect(new Set(ordinary).size).toBe(ordinary.length);
    expect(new Set(ordinary.map((s) => s.slice(0, 4))).size).toBeGreaterThan(40);
    expect(meanPairSim(ordinary)).toBeLessThan(0.2);
  });
});
