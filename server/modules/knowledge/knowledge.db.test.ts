import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { startRoles, type Running } from '../../roles/index.js';
import type { Http } from '../../platform/http/index.js';
import { DEMO_PASSWORD, SYSTEM } from '../access/index.js';
import { editTemplate, getTemplate, legalBasis, listTemplates, seedKnowledge } from './index.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let roles: Running;
const tokens: Record<string, string> = {};
async function call(user: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const r = await http.inject({
    method,
    url,
    payload,
    headers: user ? { authorization: `Bearer ${tokens[user]}` } : {},
  });
  return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') ? r.json() : r.body };
}

beforeAll(async () => {
  app = await testApp('2026-12-01');
  roles = await startRoles(app, ['web'], { scheduler: false });
  http = roles.http!;
  for (const u of ['officer', 'officer2', 'supervisor', 'operator', 'admin', 'enterprise']) {
    tokens[u] = (
      await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } })
    ).json().token;
  }
});
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

describe('reply templates in the database', () => {
  it('ships the 7 12345 categories and the outcomes, latest version each', async () => {
    const t12345 = await listTemplates(app.db, { use: '12345' });
    expect(t12345.map((t) => t.category).sort()).toEqual([
      'consumer_dispute',
      'food_safety',
      'policy_consult',
      'prepaid_card',
      'price_charge',
      'product_quality',
      'violation_report',
    ]);
    expect(t12345.every((t) => t.version === 1 && t.category_label && !/[a-z_]/.test(t.category_label))).toBe(true);
    const outcomes = await listTemplates(app.db, { use: 'outcome' });
    expect(outcomes.length).toBeGreaterThanOrEqual(6);
    expect((await listTemplates(app.db, { use: 'outcome', category: 'mediated' })).map((t) => t.key)).toEqual([
      'outcome.mediated',
    ]);
  });

  it('an edit is a new version, the old one stays, the edit is audited; a stale edit and an unknown placeholder are refused', async () => {
    const before = (await getTemplate(app.db, 'outcome.mediated'))!;
    const edited = await editTemplate(
      app.db,
      SYSTEM,
      'outcome.mediated',
      { title: before.title, body: `${before.body}\n如有疑问请致电{{unit}}。`, note: '补充联系方式', base_version: 1 },
      app.now(),
    );
    expect(edited.version).toBe(2);
    expect((await getTemplate(app.db, 'outcome.mediated'))!.body).toContain('如有疑问');
    const versions = await app.db.query<{ version: number; body: string }>(
      `SELECT version, body FROM knowledge_templates WHERE key = 'outcome.mediated' ORDER BY version`,
    );
    expect(versions.rows.map((r) => r.version)).toEqual([1, 2]);
    expect(versions.rows[0]!.body).toBe(before.body);
    const a = await app.db.query<{ subject_id: string; detail: { version: number } }>(
      `SELECT subject_id, detail FROM audit_log WHERE action = 'knowledge.template_edit'`,
    );
    expect(a.rows).toEqual([
      { subject_id: 'outcome.mediated', detail: { from_version: 1, version: 2, note: '补充联系方式' } },
    ]);
    await expect(
      editTemplate(app.db, SYSTEM, 'outcome.mediated', { title: 'x', body: 'y', base_version: 1 }, app.now()),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      editTemplate(
        app.db,
        SYSTEM,
        'outcome.mediated',
        { title: 'x', body: '{{bussiness}}', base_version: 2 },
        app.now(),
      ),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      editTemplate(app.db, SYSTEM, 'nope', { title: 'x', body: 'y', base_version: 1 }, app.now()),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('seeding again (a restart) keeps the edit and adds nothing', async () => {
    expect(await seedKnowledge(app.db, app.now())).toMatchObject({ templates: 0 });
    expect((await getTemplate(app.db, 'outcome.mediated'))!.version).toBe(2);
  });
});

describe('/api/knowledge', () => {
  it('templates: staff read, supervisors/admins edit with version history, others refused, bad input 4xx', async () => {
    const list = await call('operator', 'GET', '/api/knowledge/templates?use=12345');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(7);
    expect((await call('enterprise', 'GET', '/api/knowledge/templates')).status).toBe(403);
    expect((await call(null, 'GET', '/api/knowledge/templates')).status).toBe(401);
    const one = await call('officer', 'GET', '/api/knowledge/templates/12345.food_safety');
    expect(one.body.versions).toHaveLength(1);
    expect(one.body.placeholders.business).toBe('被投诉/举报经营者');
    const put = (u: string, body: object) => call(u, 'PUT', '/api/knowledge/templates/12345.food_safety', body);
    expect((await put('officer', { title: 't', body: 'b', base_version: 1 })).status).toBe(403);
    expect((await put('supervisor', { title: 't', body: '{{nope}}', base_version: 1 })).status).toBe(400);
    const ok = await put('supervisor', {
      title: one.body.title,
      body: `${one.body.body}\n（经营者：{{business}}）`,
      note: '补充',
      base_version: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    expect((await put('admin', { title: 't', body: 'b', base_version: 1 })).status).toBe(409);
    expect(
      (await call('officer', 'GET', '/api/knowledge/templates/12345.food_safety')).body.versions.map(
        (v: { version: number }) => v.version,
      ),
    ).toEqual([2, 1]);
    expect((await call('officer', 'GET', '/api/knowledge/templates/NOPE')).status).toBe(400);
    expect((await call('officer', 'GET', '/api/knowledge/templates/nope')).status).toBe(404);
  });

  it('drafts a reply for a ticket the user may read, from the ticket and without the complainant', async () => {
    const f = await call('operator', 'POST', '/api/tickets', {
      kind: 'complaint',
      client_key: 'kn-1',
      text: '健身房门店关闭，年卡3000元无法退费，要求退款。',
      complainant: { name: '张三丰', phone: '13800138000' },
      respondent: { name: '上海某某健身管理有限公司', address: '上海市松江区岳阳街道人民北路100号' },
    });
    expect(f.status).toBe(201);
    const d = await call(
      'officer',
      'GET',
      `/api/knowledge/templates/12345.prepaid_card/draft?ticket=${f.body.id}&outcome=${encodeURIComponent('经调解，经营者退还剩余预付款2000元')}`,
    );
    expect(d.status).toBe(200);
    expect(d.body.text).toContain('上海某某健身管理有限公司');
    expect(d.body.text).toContain('经调解，经营者退还剩余预付款2000元');
    expect(d.body.text).toContain('已于2026年12月1日答复市民');
    expect(JSON.stringify(d.body)).not.toContain('张三丰');
    expect(d.body.missing_labels).toContain('12345工单号');
    expect(
      (await call('officer2', 'GET', `/api/knowledge/templates/12345.prepaid_card/draft?ticket=${f.body.id}`)).status,
    ).toBe(404);
    expect((await call('officer', 'GET', '/api/knowledge/templates/12345.prepaid_card/draft')).status).toBe(400);
  });

  it('guide: public, filtered by category (with the all-category items), searchable, cites its laws', async () => {
    const all = await call(null, 'GET', '/api/knowledge/guide');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(20);
    const food = await call(null, 'GET', `/api/knowledge/guide?category=${encodeURIComponent('食品类')}`);
    expect(
      food.body.items.every((i: { category: string | null }) => i.category === '食品类' || i.category === null),
    ).toBe(true);
    expect(food.body.items.some((i: { category: string | null }) => i.category === '食品类')).toBe(true);
    const q = await call('enterprise', 'GET', `/api/knowledge/guide?q=${encodeURIComponent('过期')}`);
    expect(q.body.items[0].id).toBe('guide-07');
    expect(q.body.items[0].refs.map((r: { citation: string }) => r.citation)).toEqual([
      '《食品安全法》第三十四条',
      '《食品安全法》第一百四十八条',
    ]);
    expect((await call(null, 'GET', '/api/knowledge/guide?limit=0')).status).toBe(400);
  });

  it('laws: search, look-up by law + article on a date (Order 20 vs Order 121), and the basis documents cite', async () => {
    const s = await call(null, 'GET', `/api/knowledge/laws?q=${encodeURIComponent('预收款')}`);
    expect(s.body.items.map((l: { id: string }) => l.id)).toEqual(['cpl-53']);
    const a = await call(
      null,
      'GET',
      `/api/knowledge/laws/article?law=${encodeURIComponent('食品安全法')}&article=${encodeURIComponent('第一百四十八条')}`,
    );
    expect(a.body.items[0].text).toContain('价款十倍或者损失三倍的赔偿金');
    const before = await call(
      null,
      'GET',
      `/api/knowledge/laws/article?law=${encodeURIComponent('总局令第20号')}&article=15&on=2026-04-14`,
    );
    expect(before.body.items[0].id).toBe('o20-15');
    expect(
      (
        await call(
          null,
          'GET',
          `/api/knowledge/laws/article?law=${encodeURIComponent('总局令第20号')}&article=15&on=2026-04-15`,
        )
      ).status,
    ).toBe(404);
    expect(
      (await call(null, 'GET', `/api/knowledge/laws/article?law=x&article=${encodeURIComponent('十五')}x`)).status,
    ).toBe(400);
    expect((await call(null, 'GET', '/api/knowledge/laws?on=2026-02-30')).status).toBe(400);
    expect(await legalBasis(app.db, '总局令第121号', '第二十三条第一款第一项', '2026-06-01')).toMatchObject({
      id: 'o121-23',
      is_summary: true,
    });
    expect(await legalBasis(app.db, '总局令第20号', '第九十九条', '2025-01-01')).toBeUndefined();
  });

  it('a decline decision cites the article from the library (Order 121 in force: its summary, marked 摘要)', async () => {
    const f = await call('operator', 'POST', '/api/tickets', {
      kind: 'complaint',
      client_key: 'kn-2',
      text: '购买的羽绒服掉毛严重，要求退货。',
      complainant: { name: '李四', phone: '13900139000' },
      respondent: { name: '上海某某服饰有限公司', address: '上海市松江区岳阳街道人民北路200号' },
    });
    expect(f.status).toBe(201);
    const r = await call('officer', 'POST', `/api/tickets/${f.body.id}/actions`, { action: 'decline', reason: 'D1' });
    expect(r.status).toBe(200);
    const html = (await call('officer', 'GET', `/api/tickets/${f.body.id}/documents/${r.body.documents[0].id}`))
      .body as string;
    expect(html).toContain('《中华人民共和国消费者权益保护法》第三十九条的规定');
    expect(html).toContain('法律依据：《市场监督管理投诉举报处理办法》第十六条（摘要）不予受理的情形');
    expect(html).not.toContain('（摘要；');
  });
});
