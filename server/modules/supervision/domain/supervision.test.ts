import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/index.js';
import { canAnswer, canClose, canOpen, isOverdue, type SupervisionRow } from './supervision.js';

const actor = (role: Actor['role'], o: Partial<Actor> = {}): Actor => ({
  id: role,
  username: role,
  role,
  displayName: role,
  unitId: null,
  districtCode: null,
  enterpriseKey: null,
  ...o,
});
const district = actor('supervisor', { unitId: '310117', districtCode: '310117' });
const otherDistrict = actor('supervisor', { unitId: '310104', districtCode: '310104' });
const city = actor('admin', { unitId: 'city' });
const station = actor('officer', { unitId: 'S310117001', districtCode: '310117' });
const ticket = { unit_id: 'S310117001', district_code: '310117', terminal: false };
const open = { due_date: '2026-12-04', today: '2026-12-01', required: '三个工作日内回复处理进展' };
const item = (o: Partial<SupervisionRow> = {}): SupervisionRow => ({
  ticket_id: 't',
  id: 's',
  unit_id: 'S310117001',
  district_code: '310117',
  mode: 'phone',
  reason: 'overdue',
  required: 'x',
  due_date: '2026-12-04',
  state: 'open',
  opened_by: 'd',
  opened_level: 'district',
  opened_at: '2026-12-01',
  response: null,
  answered_by: null,
  answered_at: null,
  finding: null,
  rating: null,
  closed_by: null,
  closed_at: null,
  ...o,
});

describe('督办 rules', () => {
  it('lets the district supervisor and the city open, nobody else', () => {
    expect(canOpen(district, ticket, open).ok).toBe(true);
    expect(canOpen(city, ticket, open).ok).toBe(true);
    expect(canOpen(otherDistrict, ticket, open)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(canOpen(station, ticket, open)).toMatchObject({ ok: false, code: 'forbidden' });
  });
  it('refuses an ended ticket, an undispatched one, a due date in the past and an empty requirement', () => {
    expect(canOpen(district, { ...ticket, terminal: true }, open)).toMatchObject({
      ok: false,
      code: 'illegal_transition',
    });
    expect(canOpen(city, { ...ticket, unit_id: null }, open)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(canOpen(district, ticket, { ...open, due_date: '2026-11-30' })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    expect(canOpen(district, ticket, { ...open, required: '  ' })).toMatchObject({ ok: false, code: 'invalid_input' });
  });
  it('lets the handling station answer once', () => {
    expect(canAnswer(station, item()).ok).toBe(true);
    expect(canAnswer(actor('officer', { unitId: 'S310117002' }), item())).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(canAnswer(station, item({ state: 'answered' }))).toMatchObject({ ok: false, code: 'illegal_transition' });
  });
  it('keeps a city item for the city to close, and wants a finding', () => {
    expect(canClose(district, item({ state: 'answered' }), '已核实').ok).toBe(true);
    expect(canClose(district, item({ opened_level: 'city' }), '已核实')).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(canClose(city, item({ opened_level: 'city' }), '已核实').ok).toBe(true);
    expect(canClose(district, item(), ' ')).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(canClose(station, item(), '已核实')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(canClose(district, item({ state: 'closed' }), '已核实')).toMatchObject({
      ok: false,
      code: 'illegal_transition',
    });
  });
  it('is overdue only while unanswered past its due date', () => {
    expect(isOverdue(item(), '2026-12-05')).toBe(true);
    expect(isOverdue(item(), '2026-12-04')).toBe(false);
    expect(isOverdue(item({ state: 'answered' }), '2026-12-09')).toBe(false);
  });
});

describe('督办 refusals speak both languages', () => {
  it('each refusal has Chinese and an English free of Chinese', () => {
    const cjk = /[\u3400-\u9fff\uff00-\uffef]/;
    const verdicts = [
      canOpen(station, ticket, open),
      canOpen(city, { ...ticket, unit_id: null }, open),
      canOpen(city, { ...ticket, terminal: true }, open),
      canOpen(city, ticket, { ...open, due_date: '2026-11-30' }),
      canOpen(city, ticket, { ...open, required: ' ' }),
      canAnswer(otherDistrict, item()),
      canAnswer(station, item({ state: 'closed' })),
      canAnswer(station, item({ state: 'answered' })),
      canClose(station, item(), 'x'),
      canClose(district, item({ opened_level: 'city' }), 'x'),
      canClose(city, item({ state: 'closed' }), 'x'),
      canClose(city, item(), ' '),
    ];
    for (const v of verdicts) {
      expect(v.ok).toBe(false);
      if (v.ok) continue;
      expect(v.message.zh).toMatch(cjk);
      expect(v.message.en).not.toMatch(cjk);
    }
  });
});
