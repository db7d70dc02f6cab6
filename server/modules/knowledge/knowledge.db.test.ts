import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { SYSTEM } from '../access/index.js';
import { editTemplate, getTemplate, listTemplates, seedKnowledge } from './index.js';

let app: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  app = await testApp('2026-12-01');
});
afterAll(async () => {
  await app.closeDb();
});

describe('reply templates in the database', () => {
  it('ships the 7 12345 categories and the outcomes, latest version each', async () => {
    const t12345 = await listTemplates(app.db, { use: '12345' });
    expect(t12345.map((t) => t.category).sort()).toEqual(['consumer_dispute', 'food_safety', 'policy_consult', 'prepaid_card', 'price_charge', 'product_quality', 'violation_report']);
    expect(t12345.every((t) => t.version === 1 && t.category_label && !/[a-z_]/.test(t.category_label))).toBe(true);
    const outcomes = await listTemplates(app.db, { use: 'outcome' });
    expect(outcomes.length).toBeGreaterThanOrEqual(6);
    expect((await listTemplates(app.db, { use: 'outcome', category: 'mediated' })).map((t) => t.key)).toEqual(['outcome.mediated']);
  });

  it('an edit is a new version, the old one stays, the edit is audited; a stale edit and an unknown placeholder are refused', async () => {
    const before = (await getTemplate(app.db, 'outcome.mediated'))!;
    const edited = await editTemplate(app.db, SYSTEM, 'outcome.mediated', { title: before.title, body: `${before.body}\n如有疑问请致电{{unit}}。`, note: '补充联系方式', base_version: 1 }, app.now());
    expect(edited.version).toBe(2);
    expect((await getTemplate(app.db, 'outcome.mediated'))!.body).toContain('如有疑问');
    const versions = await app.db.query<{ version: number; body: string }>(`SELECT version, body FROM knowledge_templates WHERE key = 'outcome.mediated' ORDER BY version`);
    expect(versions.rows.map((r) => r.version)).toEqual([1, 2]);
    expect(versions.rows[0]!.body).toBe(before.body);
    const a = await app.db.query<{ subject_id: string; detail: { version: number } }>(`SELECT subject_id, detail FROM audit_log WHERE action = 'knowledge.template_edit'`);
    expect(a.rows).toEqual([{ subject_id: 'outcome.mediated', detail: { from_version: 1, version: 2, note: '补充联系方式' } }]);
    await expect(editTemplate(app.db, SYSTEM, 'outcome.mediated', { title: 'x', body: 'y', base_version: 1 }, app.now())).rejects.toMatchObject({ code: 'conflict' });
    await expect(editTemplate(app.db, SYSTEM, 'outcome.mediated', { title: 'x', body: '{{bussiness}}', base_version: 2 }, app.now())).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(editTemplate(app.db, SYSTEM, 'nope', { title: 'x', body: 'y', base_version: 1 }, app.now())).rejects.toMatchObject({ code: 'not_found' });
  });

  it('seeding again (a restart) keeps the edit and adds nothing', async () => {
    expect(await seedKnowledge(app.db, app.now())).toMatchObject({ templates: 0 });
    expect((await getTemplate(app.db, 'outcome.mediated'))!.version).toBe(2);
  });
});
