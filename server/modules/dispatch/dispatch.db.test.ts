/** Through intake: a business outside Shanghai is never queued at a Shanghai station; referral is suggested. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { SYSTEM, type Actor } from '../access/index.js';
import { ingestTickets } from '../intake/index.js';
import { listQueue, ticketRepo, getTicket } from '../workflow/index.js';

let app: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.closeDb();
});

// different people and texts, so that intake does not link the second as a repeat of the first
const ticket = (id: string, address: string, product: string, phone: string) => ({
  id,
  kind: 'complaint',
  received_at: '2026-10-20T10:00:00',
  channel: 'web',
  text: `在该店买的${product}坏了，要求退货退款，商家不理。`,
  complainant: { id: `P-${id}`, name: '李四', phone },
  respondent: { name: `某某${product}商行`, address },
});
const officer = (unitId: string, districtCode: string): Actor => ({
  id: 'o1',
  username: 'o1',
  role: 'officer',
  displayName: '所员',
  unitId,
  districtCode,
  enterpriseKey: null,
});

describe('dispatch through intake', () => {
  it('sends 深圳市南山区天山路100号 to referral, not to the 天山路 station of 长宁区', async () => {
    const r = await ingestTickets(
      app,
      [
        ticket('SZ1', '深圳市南山区天山路100号', '洗衣机', '13800138000'),
        ticket('SH1', '上海市长宁区天山路100号', '电饭煲', '13900139000'),
      ],
      { source: 'dispatch-test', actor: SYSTEM },
    );
    expect(r.imported).toBe(2);
    const rows = await Promise.all(r.ids.map((id) => ticketRepo.get(app.db, id)));
    const sz = rows.find((x) => x?.source_id === 'SZ1')!;
    const sh = rows.find((x) => x?.source_id === 'SH1')!;
    expect(sz.district_code).toBeNull();
    expect(sz.unit_id).toBe('triage');
    expect(sh.unit_id).toBe('S310105006');

    const first = (await ticketRepo.timeline(app.db, sz.id))[0]!.payload as {
      dispatch: { suggested_action?: string; refer_to?: { city: string }; basis: string };
    };
    expect(first.dispatch.suggested_action).toBe('refer_out');
    expect(first.dispatch.refer_to?.city).toBe('深圳市');
    expect(first.dispatch.basis).toMatch(/深圳市.*移送/);

    const station = await listQueue(app, officer('S310105006', '310105'), { limit: 500 });
    const ids = station.items.map((i) => (i as { id: string }).id);
    expect(ids).toContain(sh.id);
    expect(ids).not.toContain(sz.id);

    // the triage desk can act on it: refer_out is among the actions it may take
    const detail = await getTicket(app, { ...SYSTEM, role: 'operator' }, sz.id);
    expect(detail.actions).toContain('refer_out');
  });
});
