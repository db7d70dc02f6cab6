import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/db.js';
import { SYSTEM } from '../access/index.js';
import { ingestTickets } from '../intake/index.js';
import { loadRegistry, prefill, useRegistry } from './index.js';
import type { TifTicket } from '../../../shared/tif.js';

let app: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  app = await testApp('2026-11-23');
  const t: TifTicket[] = [
    '上海智慧树融资租赁有限公司',
    '上海市青浦区一品英语培训中心',
    '上海智慧树融资租赁有限公司',
  ].map((name, i) => ({
    id: `reg${i}`,
    kind: 'complaint',
    received_at: '2026-11-0' + (i + 1) + 'T09:00:00+08:00',
    respondent: { name },
    text: '分期合同未告知手续费，要求退款',
    complainant: { name: '张三', phone: '13800000000' },
  }));
  await ingestTickets(app, t, { source: 'test', actor: SYSTEM });
});
afterAll(async () => {
  useRegistry([]);
  await app.closeDb();
});

describe('respondent registry from the database', () => {
  it('loads the distinct respondent names and finds them in new text by their short name, under their full name', async () => {
    const text = '我在智慧树办了手机分期，对方不退手续费';
    useRegistry([]);
    // without the registry the name is only placed by the words around it (在…办了), as written
    const before = prefill(text, undefined, { refDate: '2026-11-23' }).business;
    expect(before?.via).toBe('context');
    expect(before?.value).toBe('智慧树');
    const n = await loadRegistry(app.db);
    expect(n).toBe(2);
    const b = prefill(text, undefined, { refDate: '2026-11-23' }).business;
    expect(b?.value).toBe('上海智慧树融资租赁有限公司');
    expect(b?.via).toBe('registry');
    expect(text.slice(b!.start, b!.end)).toBe('智慧树');
  });
});
