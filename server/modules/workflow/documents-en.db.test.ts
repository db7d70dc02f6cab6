/**
 * Issue 15 — the English reading copy of a decision document, over HTTP: it is English (Chinese only in proper names
 * and the document's number), says the Chinese version is authoritative, is audited like the Chinese copy, and shows
 * a viewer who gets the masked Chinese copy no more of the complainant than that copy does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { startRoles, type Running } from '../../roles/index.js';
import { apiCaller, buildTicket, signIn, type Answer } from '../../test/factories.js';

let app: Awaited<ReturnType<typeof testApp>>;
let roles: Running;
let call: (user: string | null, method: 'GET' | 'POST', url: string, payload?: object) => Promise<Answer>;
const NAME = '李小明';
const RESPONDENT = '上海某某健身有限公司';
let id = '';
let filed = { no: '', tracking_code: '' };
let doc = { id: '', number: '' };
let unitName = '';

beforeAll(async () => {
  app = await testApp('2026-11-23');
  roles = await startRoles(app, ['web', 'worker'], { scheduler: false });
  call = apiCaller(roles.http!, await signIn(roles.http!, ['officer', 'operator', 'analyst']));
  const f = await call(
    'operator',
    'POST',
    '/api/tickets',
    buildTicket({ complainant: { name: NAME, phone: '13900001111' } }),
  );
  expect(f.status).toBe(201);
  id = f.body.id;
  filed = f.body;
  const a = await call('officer', 'POST', `/api/tickets/${id}/actions`, { action: 'accept' });
  expect(a.status).toBe(200);
  doc = a.body.documents.find((d: { kind: string }) => d.kind === 'acceptance_decision');
  const zh = (await call('officer', 'GET', `/api/tickets/${id}/documents/${doc.id}`)).raw;
  unitName = /<h1>([^<]+)<br>/.exec(zh)![1]!;
});
afterAll(async () => {
  await roles.stop();
  await app.closeDb();
});

const views = async () =>
  (
    await app.db.query<{ detail: { lang?: string; document: string; copy?: string } }>(
      "SELECT detail FROM audit_log WHERE action = 'document.view' AND subject_id = $1 ORDER BY seq",
      [id],
    )
  ).rows.map((r) => r.detail);

describe('English copy of a decision document', () => {
  it('is English, names the law in English, keeps the number, and is audited as an English view', async () => {
    const before = (await views()).length;
    const r = await call('officer', 'GET', `/api/tickets/${id}/documents/${doc.id}?lang=en`);
    expect(r.status).toBe(200);
    expect(r.raw).toContain('<html lang="en">');
    expect(r.raw).toContain('The Chinese version of this document is the authoritative one');
    expect(r.raw).toContain('Decision to Accept a Complaint');
    expect(r.raw).toContain('Measures for Handling Complaints and Reports in Market Regulation');
    expect(r.raw).toContain('23 November 2026');
    expect(r.raw).toContain(NAME);
    const rest = [unitName, NAME, RESPONDENT, doc.number].reduce(
      (h, n) => h.split(n).join(''),
      r.raw.replace(/"[^"]*"/g, ''),
    );
    expect(rest.match(/[\u3400-\u9fff]+/g)).toBeNull();
    const v = await views();
    expect(v.length).toBe(before + 1);
    expect(v.at(-1)).toMatchObject({ document: doc.id, lang: 'en' });
  });

  it('gives a masked viewer the masked name only, like the Chinese copy, and refuses an unknown language', async () => {
    const zh = (await call('analyst', 'GET', `/api/tickets/${id}/documents/${doc.id}`)).raw;
    const en = await call('analyst', 'GET', `/api/tickets/${id}/documents/${doc.id}?lang=en`);
    expect(en.status).toBe(200);
    expect(zh).not.toContain(NAME);
    expect(en.raw).not.toContain(NAME);
    const masked = /李\*+明?/.exec(zh)![0];
    expect(en.raw).toContain(`To ${masked}:`);
    expect((await views()).at(-1)).toMatchObject({ lang: 'en' });
    expect((await call('officer', 'GET', `/api/tickets/${id}/documents/${doc.id}?lang=fr`)).status).toBe(400);
  });

  it('is given to the filer on the public portal too, with the tracking code, and audited as a public view', async () => {
    const url = `/api/public/tickets/${filed.no}/documents/${doc.id}?code=${filed.tracking_code}&lang=en`;
    const r = await call(null, 'GET', url);
    expect(r.status).toBe(200);
    expect(r.raw).toContain('Decision to Accept a Complaint');
    expect(r.raw).toContain(`To ${NAME}:`); // the filer's own copy, addressed to them, as the Chinese one is
    expect((await views()).at(-1)).toMatchObject({ document: doc.id, copy: 'official', lang: 'en' });
    expect((await call(null, 'GET', url.replace(filed.tracking_code, 'WRONG000'))).status).toBe(404);
  });
});
