/**
 * Public disclosure: only businesses at or above the minimum count, the rates per business, never any personal data;
 * correction requests stored with the contact sealed and shown masked to the admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { startRoles, type Running } from '../../roles/index.js';
import { DEMO_PASSWORD, SYSTEM } from '../access/index.js';
import { ingestTickets } from '../intake/index.js';
import type { TifTicket } from '../../../shared/tif.js';

let app: Awaited<ReturnType<typeof testApp>>;
let roles: Running;
let admin = '';
const PEOPLE = Array.from({ length: 20 }, (_, i) => ({
  name: `李秀英${i}`,
  phone: `139${String(10000000 + i * 7919).padStart(8, '0')}`,
  id_number: `31010419800101${String(1000 + i).slice(-4)}`,
}));

function ticket(i: number, business: string, at: string, handling?: Record<string, unknown>): TifTicket {
  return {
    id: `D-${business.length}-${i}`,
    kind: 'complaint',
    received_at: at,
    text: `第${i}次：在该店购买的商品有质量问题，要求退货退款（联系人${PEOPLE[i % 20]!.name}）`,
    complainant: PEOPLE[i % 20],
    respondent: {
      name: business,
      address: '上海市黄浦区南京东路1号',
      credit_code: business === '上海甲乙丙商贸有限公司' ? '91310101MA1FPX1234' : undefined,
    },
    ...(handling ? { extra: { handling } } : {}),
  };
}

beforeAll(async () => {
  process.env.XIEZHI_DISCLOSURE_MIN = '10';
  app = await testApp('2026-11-23');
  const many = '上海甲乙丙商贸有限公司';
  const few = '上海丁戊小吃店';
  const ts: TifTicket[] = [];
  // 12 this year (8 mediations ended: 6 mediated, 2 terminated), 4 the year before; 3 for the small shop
  for (let i = 0; i < 12; i++)
    ts.push(
      ticket(
        i,
        many,
        `2026-0${1 + (i % 9)}-1${i % 10}T10:00:00+08:00`,
        i < 6
          ? { status: 'mediated', outcome: 'mediated', closed_at: '2026-10-01T10:00:00+08:00' }
          : i < 8
            ? { status: 'terminated', outcome: 'terminated', closed_at: '2026-10-01T10:00:00+08:00' }
            : undefined,
      ),
    );
  for (let i = 12; i < 16; i++) ts.push(ticket(i, many, '2025-06-01T10:00:00+08:00'));
  for (let i = 0; i < 3; i++) ts.push(ticket(100 + i, few, '2026-10-01T10:00:00+08:00'));
  await ingestTickets(app, ts, { source: 'disc', actor: SYSTEM });
  roles = await startRoles(app, ['web'], { scheduler: false });
  admin = (
    await roles.http!.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: DEMO_PASSWORD },
    })
  ).json().token;
});
afterAll(async () => {
  delete process.env.XIEZHI_DISCLOSURE_MIN;
  await roles?.stop();
  await app?.closeDb();
});

const get = async (url: string) => roles.http!.inject({ method: 'GET', url });

describe('public disclosure', () => {
  it('shows only businesses at or above the minimum, with growth and mediation success', async () => {
    const r = await get('/api/public/disclosure');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.min_complaints).toBe(10);
    expect(body.items.map((x: { name: string }) => x.name)).toEqual(['上海甲乙丙商贸有限公司']);
    expect(body.items[0]).toMatchObject({
      complaints: 12,
      previous: 4,
      growth: 2,
      mediation_success_rate: 0.75,
      mediations_ended: 8,
    });
    expect((await get(`/api/public/disclosure?business=${encodeURIComponent('丁戊小吃')}`)).json().items).toEqual([]);
    expect((await get(`/api/public/disclosure?business=${encodeURIComponent('甲乙丙')}`)).json().total).toBe(1);
    expect((await get('/api/public/disclosure?business=91310101MA1FPX1234')).json().total).toBe(1);
    expect((await get('/api/public/disclosure?business=x')).statusCode).toBe(400);
    expect((await get('/api/public/disclosure?limit=1000')).statusCode).toBe(400);
  });

  it('carries no personal data: no name, phone, ID number or complaint text of anyone', async () => {
    const text = (await get('/api/public/disclosure')).body;
    for (const p of PEOPLE)
      for (const v of [p.name, p.phone, p.id_number, p.phone.slice(-4) + '"']) expect(text).not.toContain(v);
    expect(text).not.toMatch(/质量问题|退货退款|complainant|ticket/);
  });

  it('takes a correction request: contact sealed at rest, masked for the admin; an unknown business is refused', async () => {
    const post = (payload: object) =>
      roles.http!.inject({ method: 'POST', url: '/api/public/disclosure/corrections', payload });
    const ok = await post({
      business: '上海甲乙丙商贸有限公司',
      reason: '两件投诉已和解，请更正',
      contact: '13800138000',
    });
    expect(ok.statusCode).toBe(201);
    expect(
      (await post({ business: '从未被投诉的公司', reason: '请删除我司信息', contact: '13800138000' })).statusCode,
    ).toBe(404);
    expect((await post({ business: '上海甲乙丙商贸有限公司', reason: '短', contact: '1' })).statusCode).toBe(400);
    const stored = (await app.db.query<{ contact_enc: string }>('SELECT contact_enc FROM disclosure_corrections')).rows;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.contact_enc).not.toContain('13800138000');
    const list = await roles.http!.inject({
      method: 'GET',
      url: '/api/admin/disclosure/corrections',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(list.json().items[0]).toMatchObject({
      business: '上海甲乙丙商贸有限公司',
      contact_mask: '138****8000',
      state_label: '待处理',
    });
    expect(list.body).not.toContain('13800138000');
    expect((await roles.http!.inject({ method: 'GET', url: '/api/admin/disclosure/corrections' })).statusCode).toBe(
      401,
    );
  });
});
