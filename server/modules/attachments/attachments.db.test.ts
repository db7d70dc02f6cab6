import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { testApp } from '../../test/db.js';
import { buildHttp } from '../../http.js';
import { SYSTEM, DEMO_PASSWORD } from '../access/index.js';
import { fileTicket } from '../intake/index.js';
import { performAction } from '../workflow/index.js';
import type { Http } from '../../platform/http/index.js';
import { attachmentRoutes } from './http/routes.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
const tok: Record<string, string> = {};

function photo(): Buffer {
  const png = new PNG({ width: 64, height: 48 });
  for (let y = 0; y < 48; y++)
    for (let x = 0; x < 64; x++) {
      const i = (y * 64 + x) * 4;
      const v = (x - 20) ** 2 + (y - 24) ** 2 < 120 ? 230 : x > 40 ? 30 : 60 + 2 * x + y;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = v;
      png.data[i + 3] = 255;
    }
  return PNG.sync.write(png);
}
function withText(png: Buffer, key: string, value: string): Buffer {
  const data = Buffer.from(`${key}\0${value}`, 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from('tEXt', 'latin1'), data]);
  let c = -1;
  for (const b of td) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((c ^ -1) >>> 0);
  return Buffer.concat([png.subarray(0, 33), len, td, crc, png.subarray(33)]);
}

beforeAll(async () => {
  app = await testApp();
  http = await buildHttp(app, [(h, a) => attachmentRoutes(h, a)]);
  for (const u of ['officer', 'enterprise'])
    tok[u] = (
      await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } })
    ).json().token;
  await app.db.query("UPDATE users SET enterprise_key = 'acme' WHERE username = 'enterprise'");
});
afterAll(async () => {
  await http.close();
  await app.closeDb();
});

const base = {
  kind: 'complaint',
  channel: 'web',
  respondent: { name: '某电器店', address: '上海市松江区岳阳街道人民北路1号' },
};
const up = (u: string, id: string, content: Buffer, filename = 'a.png') =>
  http.inject({
    method: 'POST',
    url: `/api/tickets/${id}/attachments`,
    headers: { authorization: `Bearer ${tok[u]}` },
    payload: { filename, content_base64: content.toString('base64') },
  });

describe('evidence attachments', () => {
  it('flags an AI-generation label and the same picture in another person’s claim, without rejecting', async () => {
    const a = await fileTicket(app, SYSTEM, {
      ...base,
      text: '电水壶底部开裂漏水要求退货',
      complainant: { phone: '13800000001' },
    });
    const b = await fileTicket(app, SYSTEM, {
      ...base,
      text: '买的杯子一用就裂开了要求赔偿',
      complainant: { phone: '13800000002' },
    });
    const r1 = await up(
      'officer',
      a.id,
      withText(photo(), 'parameters', 'a cracked kettle, Steps: 30, Sampler: Euler a'),
    );
    expect(r1.statusCode).toBe(201);
    expect(r1.json().flags.map((f: { code: string }) => f.code)).toContain('ai_generator');
    const r2 = await up('officer', b.id, photo());
    expect(r2.json().flags.map((f: { code: string }) => f.code)).toContain('reused_image');
    const list = await http.inject({
      method: 'GET',
      url: `/api/tickets/${b.id}/attachments`,
      headers: { authorization: `Bearer ${tok.officer}` },
    });
    expect(list.json()).toHaveLength(1);
    expect((await up('officer', a.id, Buffer.alloc(0))).statusCode).toBe(400);
  });

  it('lets the business submit a rebuttal on its ODR complaint and see only its own files', async () => {
    const c = await fileTicket(app, SYSTEM, {
      ...base,
      text: '声称收到的手机是翻新机要求三倍赔偿',
      complainant: { phone: '13800000003' },
      consent_odr: true,
    });
    // the ticket's own business, enrolled in ODR, is the enterprise account
    const key = (await app.db.query<{ k: string }>('SELECT respondent_key AS k FROM tickets WHERE id = $1', [c.id]))
      .rows[0]!.k;
    await app.db.query(
      "INSERT INTO enterprises (key, name, odr) VALUES ($1, '某电器店', true) ON CONFLICT (key) DO UPDATE SET odr = true",
      [key],
    );
    await app.db.query('UPDATE users SET enterprise_key = $1 WHERE username = $2', [key, 'enterprise']);
    await up('officer', c.id, photo(), 'consumer.png');
    expect((await up('enterprise', c.id, photo())).statusCode).toBe(404);
    await performAction(app, {
      ticketId: c.id,
      actor: SYSTEM,
      input: { action: 'send_odr', odr_key: key, consent: true },
    });
    const r = await up('enterprise', c.id, Buffer.from('%PDF-1.4 发货记录与开箱视频截图'), '发货记录.pdf');
    expect(r.statusCode).toBe(201);
    const mine = (
      await http.inject({
        method: 'GET',
        url: `/api/tickets/${c.id}/attachments`,
        headers: { authorization: `Bearer ${tok.enterprise}` },
      })
    ).json();
    expect(mine.map((x: { filename: string }) => x.filename)).toEqual(['发货记录.pdf']);
  });
});
