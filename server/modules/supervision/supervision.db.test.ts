import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { apiCaller, buildTicket, signIn, type Answer } from '../../test/factories.js';
import { startRoles, type Running } from '../../roles/index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let roles: Running;
let call: (user: string, method: 'GET' | 'POST', url: string, payload?: object) => Promise<Answer>;

beforeAll(async () => {
  app = await testApp('2026-12-01');
  roles = await startRoles(app, ['web', 'worker'], { scheduler: false });
  call = apiCaller(
    roles.http!,
    await signIn(roles.http!, ['officer', 'officer2', 'supervisor', 'operator', 'admin', 'enterprise']),
  );
});
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

async function fileTicket(key: string) {
  const r = await call('operator', 'POST', '/api/tickets', buildTicket({ client_key: key }));
  expect(r.status).toBe(201);
  return r.body.id as string;
}

describe('督办 end to end', () => {
  it('opens on a ticket, shows it to the station, takes its answer and closes with a finding', async () => {
    const id = await fileTicket('sup-1');
    const o = await call('supervisor', 'POST', `/api/tickets/${id}/supervisions`, {
      mode: 'phone',
      reason: 'sensitive',
      required: '请于三个工作日内回复处理进展',
    });
    expect(o.status).toBe(201);
    expect(o.body.due_date).toBe('2026-12-04');
    const queue = await call('officer', 'GET', '/api/supervisions?state=open');
    expect(queue.body.items.map((s: { ticket_id: string }) => s.ticket_id)).toContain(id);
    expect(queue.body.items[0].mode_label).toBe('电话督办');
    expect((await call('officer2', 'GET', `/api/tickets/${id}/supervisions`)).status).toBe(404);
    expect(
      (await call('officer2', 'POST', `/api/supervisions/${o.body.id}/answer`, { response: '已处理' })).status,
    ).toBe(404);
    const a = await call('officer', 'POST', `/api/supervisions/${o.body.id}/answer`, {
      response: '已联系经营者，约定本周退款',
    });
    expect(a.body.state).toBe('answered');
    expect((await call('officer', 'POST', `/api/supervisions/${o.body.id}/close`, { finding: '同意' })).status).toBe(
      403,
    );
    const c = await call('supervisor', 'POST', `/api/supervisions/${o.body.id}/close`, {
      finding: '回复属实，督办办结',
      rating: 'satisfactory',
    });
    expect(c.body.state).toBe('closed');
    const t = await call('officer', 'GET', `/api/tickets/${id}`);
    expect(t.body.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['supervision_opened', 'supervision_answered', 'supervision_closed']),
    );
    const n = await app.db.query<{ n: number }>(
      "SELECT count(*)::int n FROM audit_log WHERE action LIKE 'supervision.%' AND subject_id = $1",
      [id],
    );
    expect(n.rows[0]!.n).toBe(3);
  });

  it('refuses the wrong people and bad input with reasons', async () => {
    const id = await fileTicket('sup-2');
    expect(
      (
        await call('officer', 'POST', `/api/tickets/${id}/supervisions`, {
          mode: 'phone',
          reason: 'overdue',
          required: 'x',
        })
      ).status,
    ).toBe(403);
    expect((await call('enterprise', 'GET', `/api/tickets/${id}/supervisions`)).status).toBe(403);
    const bad = await call('supervisor', 'POST', `/api/tickets/${id}/supervisions`, {
      mode: 'phone',
      reason: 'overdue',
      required: 'x',
      due_date: '2026-13-45',
    });
    expect(bad.status).toBe(400);
    const past = await call('supervisor', 'POST', `/api/tickets/${id}/supervisions`, {
      mode: 'onsite',
      reason: 'overdue',
      required: 'x',
      due_date: '2026-11-01',
    });
    expect(past.status).toBe(400);
    expect(past.body.message).toMatch(/早于今天/);
  });

  it('counts per unit for the cockpit, overdue included', async () => {
    const id = await fileTicket('sup-3');
    await call('admin', 'POST', `/api/tickets/${id}/supervisions`, {
      mode: 'online',
      reason: 'leader',
      required: '市局督办',
      due_date: '2026-12-01',
    });
    const s = await call('admin', 'GET', '/api/supervisions/stats');
    expect(s.status).toBe(200);
    expect(s.body.total.open).toBeGreaterThanOrEqual(1);
    expect(s.body.by_unit[0].unit_name).toBeTruthy();
    expect((await call('officer', 'GET', '/api/supervisions/stats')).status).toBe(403);
  });
});
