import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/db.js';
import { SYSTEM } from '../../access/index.js';
import { fileTicket } from '../../intake/index.js';
import { performAction } from '../commands/perform-action.js';
import { ticketRepo } from '../repository.js';
import { sweepDeadlines } from './sweep-deadlines.js';

let app: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  app = await testApp('2026-11-02');
});
afterAll(async () => app.closeDb());

describe('deadline sweep', () => {
  it('warns before a breach, marks a breach once, and returns an expired ODR complaint to administrative handling', async () => {
    const base = {
      kind: 'complaint',
      channel: 'phone',
      respondent: { name: '甲公司', address: '上海市松江区岳阳街道人民北路1号' },
    };
    const a = await fileTicket(app, SYSTEM, {
      ...base,
      text: '洗衣机漏水要求维修',
      received_at: '2026-10-26T10:00:00+08:00',
    });
    const b = await fileTicket(app, SYSTEM, {
      ...base,
      text: '手机充电器发烫起火要求赔偿',
      received_at: '2026-10-20T10:00:00+08:00',
      complainant: { phone: '13700000001' },
    });
    const c = await fileTicket(app, SYSTEM, {
      ...base,
      text: '网购衣服不给七天无理由退货',
      received_at: '2026-10-21T10:00:00+08:00',
      complainant: { phone: '13700000002' },
      consent_odr: true,
    });
    // ODR goes only to the ticket's own business, enrolled in the register, with the consumer's consent from filing
    const key = (await ticketRepo.get(app.db, c.id))!.respondent_key!;
    await app.db.query("INSERT INTO enterprises (key, name, odr) VALUES ($1, '甲公司', true)", [key]);
    await performAction(app, {
      ticketId: c.id,
      actor: SYSTEM,
      input: { action: 'send_odr', odr_key: key, consent: true },
      on: '2026-10-21',
    });
    // a: accept_by 2026-11-04 → warning (2 working days); b: accept_by 2026-10-29 → breached; c: odr_by 2026-10-30 → back
    const r1 = await sweepDeadlines(app);
    expect(r1).toEqual({ warned: 1, breached: 2, failed: 0 });
    const r2 = await sweepDeadlines(app);
    expect(r2).toEqual({ warned: 0, breached: 0, failed: 0 });
    expect((await ticketRepo.get(app.db, c.id))!.status).toBe('received');
    const types = (await ticketRepo.timeline(app.db, b.id)).map((e) => e.type);
    expect(types).toContain('deadline_breached');
    expect((await ticketRepo.timeline(app.db, a.id)).map((e) => e.type)).toContain('deadline_warning');
  });
});
