/**
 * Probes of issue 11 on workflow integrity, through the real command: an operator closed a station's report by marking
 * it a duplicate of a ticket that does not exist; send_odr accepted any enterprise key and took staff's word for the
 * consumer's consent (the consumer had said no).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { SYSTEM, type Actor } from '../access/index.js';
import { fileTicket } from '../intake/index.js';
import { performAction, ticketRepo } from './index.js';

let app: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => app.closeDb());

const biz = { name: '某某数码专营店', address: '上海市松江区岳阳街道人民北路88号' };
const act = (id: string, actor: Actor, input: Parameters<typeof performAction>[1]['input']) =>
  performAction(app, { ticketId: id, actor, input }).then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

describe('mark_duplicate', () => {
  it('only onto an existing ticket the actor may see, of the same kind, and records the original', async () => {
    const report = await fileTicket(app, SYSTEM, {
      kind: 'report',
      channel: 'phone',
      text: '举报该店销售过期食品，请依法查处',
      respondent: biz,
      complainant: { phone: '13900000001' },
    });
    const complaint = await fileTicket(app, SYSTEM, {
      kind: 'complaint',
      channel: 'phone',
      text: '买的耳机有杂音要求退货',
      respondent: biz,
      complainant: { phone: '13900000002' },
    });
    const complaint2 = await fileTicket(app, SYSTEM, {
      kind: 'complaint',
      channel: 'phone',
      text: '同一副耳机有杂音，商家拒绝退货',
      respondent: biz,
      complainant: { phone: '13900000002' },
    });
    const operator: Actor = { ...SYSTEM, id: 'op', role: 'operator' };
    expect(await act(report.id, operator, { action: 'mark_duplicate', duplicate_of: 'XZ000000000000000' })).toBe(
      'not_found',
    );
    expect(await act(report.id, operator, { action: 'mark_duplicate', duplicate_of: complaint.no })).toBe(
      'invalid_input',
    );
    expect(await act(complaint2.id, operator, { action: 'mark_duplicate', duplicate_of: complaint2.no })).toBe(
      'invalid_input',
    );
    expect((await ticketRepo.get(app.db, report.id))!.status).toBe('received');
    // an officer of another station cannot point at a ticket outside its jurisdiction (it answers like a missing one)
    const t2 = (await ticketRepo.get(app.db, complaint2.id))!;
    const stranger: Actor = { ...SYSTEM, id: 'o2', role: 'officer', unitId: t2.unit_id };
    const other = (
      await app.db.query<{ id: string }>(
        "SELECT id FROM units WHERE kind = 'station' AND id <> $1 ORDER BY id LIMIT 1",
        [t2.unit_id],
      )
    ).rows[0]!.id;
    await app.db.query('UPDATE tickets SET unit_id = $2 WHERE id = $1', [complaint.id, other]);
    expect(await act(complaint2.id, stranger, { action: 'mark_duplicate', duplicate_of: complaint.no })).toBe(
      'not_found',
    );
    expect(await act(complaint2.id, operator, { action: 'mark_duplicate', duplicate_of: complaint.no })).toBe('ok');
    const dup = (await ticketRepo.get(app.db, complaint2.id))!;
    expect(dup.status).toBe('duplicate');
    expect(dup.duplicate_of).toBe(complaint.id);
  });
});

describe('send_odr', () => {
  it('only to the ticket’s enrolled business, and only when the consumer said yes at filing', async () => {
    const no = await fileTicket(app, SYSTEM, {
      kind: 'complaint',
      channel: 'web',
      text: '充电宝鼓包要求退款',
      respondent: biz,
      complainant: { phone: '13900000003' },
      consent_odr: false,
    });
    const yes = await fileTicket(app, SYSTEM, {
      kind: 'complaint',
      channel: 'web',
      text: '数据线用了两天就坏了要求换货',
      respondent: biz,
      complainant: { phone: '13900000004' },
      consent_odr: true,
    });
    const key = (await ticketRepo.get(app.db, yes.id))!.respondent_key!;
    await app.db.query(
      "INSERT INTO enterprises (key, name, odr) VALUES ($1, $2, false), ('别家商贸', '别家商贸', true)",
      [key, biz.name],
    );
    expect(await act(yes.id, SYSTEM, { action: 'send_odr', odr_key: 'made-up', consent: true })).toBe('not_found');
    expect(await act(yes.id, SYSTEM, { action: 'send_odr', odr_key: key, consent: true })).toBe('illegal_transition'); // not enrolled
    await app.db.query('UPDATE enterprises SET odr = true WHERE key = $1', [key]);
    expect(await act(yes.id, SYSTEM, { action: 'send_odr', odr_key: '别家商贸', consent: true })).toBe(
      'illegal_transition',
    ); // unrelated business
    expect(await act(no.id, SYSTEM, { action: 'send_odr', odr_key: key, consent: true })).toBe('illegal_transition'); // consumer said no
    expect((await ticketRepo.get(app.db, no.id))!.odr_key).toBeNull();
    expect(await act(yes.id, SYSTEM, { action: 'send_odr', odr_key: key, consent: true })).toBe('ok');
    expect((await ticketRepo.get(app.db, yes.id))!).toMatchObject({ status: 'odr', odr_key: key });
  });
});
