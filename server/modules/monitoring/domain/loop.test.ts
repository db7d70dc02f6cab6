import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/index.js';
import { available, canSee, decide, type Input, type Item, type Task } from './loop.js';

const actor = (role: Actor['role'], o: Partial<Actor> = {}): Actor => ({
  id: role,
  username: role,
  role,
  displayName: role,
  unitId: null,
  districtCode: null,
  enterpriseKey: null,
  ...o,
});
const city = actor('admin', { unitId: 'city' });
const analyst = actor('analyst', { unitId: 'city' });
const body = actor('monitor', { id: 'body-1' });
const otherBody = actor('monitor', { id: 'body-2' });
const songjiang = actor('supervisor', { districtCode: '310117', unitId: '310117' });
const pudong = actor('supervisor', { districtCode: '310115', unitId: '310115' });
const officer = actor('officer', { districtCode: '310117', unitId: 'S310117001' });
const D = new Set(['310117', '310115', '310104']);
const finding = {
  platform: '某短视频平台',
  account: '@售后小能手',
  description: '发布“AI生成商品破损图片骗取仅退款”教程',
  district_code: '310117',
};
const item = (state: Item['state'], findings = [finding]): Item => ({ state, body_user_id: 'body-1', findings });
const ok = (r: ReturnType<typeof decide>) => (r.ok ? r.state : `${r.code}`);

describe('who may take each step of the monitoring loop', () => {
  const steps: [Item['state'], Input, Actor[], Actor[]][] = [
    ['issued', { action: 'receive' }, [body], [city, analyst, otherBody, songjiang, officer]],
    [
      'received',
      { action: 'report_findings', summary: '发现3个账号', findings: [finding] },
      [body],
      [city, otherBody, songjiang],
    ],
    ['reported', { action: 'return_findings', reason: '请补充账号主体信息' }, [city], [body, analyst, songjiang]],
    [
      'reported',
      { action: 'dispatch', tasks: [{ district_code: '310117', instruction: '核查并处置', due_date: '2026-12-08' }] },
      [city],
      [body, analyst, songjiang, pudong],
    ],
    ['handled', { action: 'close', summary: '已闭环' }, [city], [body, analyst, songjiang]],
  ];
  for (const [state, input, allowed, refused] of steps) {
    it(`${input.action} from ${state}`, () => {
      for (const a of allowed) expect(decide(item(state), [], a, input, D).ok, `${a.id} may`).toBe(true);
      for (const a of refused) expect(ok(decide(item(state), [], a, input, D)), `${a.id} may not`).toBe('forbidden');
    });
  }

  it('district steps belong to the district the task was sent to', () => {
    const tasks: Task[] = [
      { district_code: '310117', state: 'assigned' },
      { district_code: '310115', state: 'assigned' },
    ];
    const acc = (a: Actor, d: string) =>
      ok(decide(item('dispatched'), tasks, a, { action: 'accept_task', district_code: d }, D));
    expect(acc(songjiang, '310117')).toBe('dispatched');
    expect(acc(songjiang, '310115')).toBe('forbidden');
    expect(acc(pudong, '310115')).toBe('dispatched');
    expect(acc(city, '310117')).toBe('forbidden');
    expect(acc(actor('supervisor', { districtCode: '310104' }), '310104')).toBe('forbidden'); // no task there
  });

  it('the last district reporting back completes the loop; only then the city closes', () => {
    const rep = (tasks: Task[], a: Actor, d: string) =>
      decide(
        item('dispatched'),
        tasks,
        a,
        {
          action: 'report_handling',
          district_code: d,
          handling: '约谈平台，下架视频2条',
          cases_opened: 1,
          accounts_handled: 2,
        },
        D,
      );
    const first = rep(
      [
        { district_code: '310117', state: 'handling' },
        { district_code: '310115', state: 'assigned' },
      ],
      songjiang,
      '310117',
    );
    expect(first).toMatchObject({ ok: true, state: 'dispatched', tasks: [{ district_code: '310117', state: 'done' }] });
    const last = rep(
      [
        { district_code: '310117', state: 'done' },
        { district_code: '310115', state: 'handling' },
      ],
      pudong,
      '310115',
    );
    expect(last).toMatchObject({ ok: true, state: 'handled' });
    expect(ok(rep([{ district_code: '310117', state: 'done' }], songjiang, '310117'))).toBe('illegal_transition');
    expect(ok(decide(item('dispatched'), [], city, { action: 'close', summary: 'x' }, D))).toBe('illegal_transition');
  });

  it('refuses steps out of order and bad input with a reason', () => {
    expect(ok(decide(item('issued'), [], body, { action: 'report_findings', summary: 'x', findings: [] }, D))).toBe(
      'illegal_transition',
    );
    expect(ok(decide(item('closed'), [], city, { action: 'close', summary: 'x' }, D))).toBe('illegal_transition');
    const d = (tasks: { district_code: string; instruction: string; finding_refs?: number[]; due_date: string }[]) =>
      decide(item('reported'), [], city, { action: 'dispatch', tasks }, D);
    expect(d([])).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(d([{ district_code: '999999', instruction: 'x', due_date: '2026-12-08' }])).toMatchObject({
      ok: false,
      message: { zh: expect.stringContaining('未知的区局'), en: expect.any(String) },
    });
    expect(
      d([
        { district_code: '310117', instruction: 'x', due_date: '2026-12-08' },
        { district_code: '310117', instruction: 'y', due_date: '2026-12-08' },
      ]),
    ).toMatchObject({ ok: false, message: { zh: expect.stringContaining('重复'), en: expect.any(String) } });
    expect(d([{ district_code: '310117', instruction: 'x', finding_refs: [5], due_date: '2026-12-08' }])).toMatchObject(
      { ok: false, message: { zh: expect.stringContaining('序号'), en: expect.any(String) } },
    );
    // nothing found: nothing to dispatch, the city closes straight away
    expect(
      ok(
        decide(
          item('reported', []),
          [],
          city,
          { action: 'dispatch', tasks: [{ district_code: '310117', instruction: 'x', due_date: '2026-12-08' }] },
          D,
        ),
      ),
    ).toBe('illegal_transition');
    expect(ok(decide(item('reported', []), [], city, { action: 'close', summary: '未发现' }, D))).toBe('closed');
    expect(ok(decide(item('reported'), [], city, { action: 'close', summary: 'x' }, D))).toBe('illegal_transition');
  });

  it('offers each actor only its own next steps, and shows items only to those involved', () => {
    expect(available(item('issued'), [], body)).toEqual([{ action: 'receive' }]);
    expect(available(item('issued'), [], city)).toEqual([]);
    expect(available(item('reported'), [], city).map((x) => x.action)).toEqual(['return_findings', 'dispatch']);
    const tasks: Task[] = [
      { district_code: '310117', state: 'assigned' },
      { district_code: '310115', state: 'handling' },
    ];
    expect(available(item('dispatched'), tasks, songjiang)).toEqual([
      { action: 'accept_task', district_code: '310117' },
      { action: 'report_handling', district_code: '310117' },
    ]);
    expect(available(item('dispatched'), tasks, analyst)).toEqual([]);
    expect(canSee(analyst, item('issued'), [])).toBe(true);
    expect(canSee(otherBody, item('issued'), [])).toBe(false);
    expect(canSee(songjiang, item('dispatched'), tasks)).toBe(true);
    expect(canSee(actor('supervisor', { districtCode: '310104' }), item('dispatched'), tasks)).toBe(false);
    expect(canSee(officer, item('dispatched'), tasks)).toBe(false);
  });
});

describe('refusals speak both languages', () => {
  it('every refusal, over every state, action and actor, has Chinese and an English free of Chinese', () => {
    const cjk = /[\u3400-\u9fff\uff00-\uffef]/;
    const inputs: Input[] = [
      { action: 'receive' },
      { action: 'report_findings', summary: ' ', findings: [] },
      { action: 'return_findings', reason: ' ' },
      { action: 'dispatch', tasks: [{ district_code: '999999', instruction: 'x', due_date: '2026-12-08' }] },
      { action: 'accept_task', district_code: '310117' },
      { action: 'report_handling', district_code: '310117', handling: ' ', cases_opened: -1, accounts_handled: 0 },
      { action: 'close', summary: ' ' },
    ];
    const states: Item['state'][] = ['issued', 'received', 'reported', 'dispatched', 'handled', 'closed'];
    let refusals = 0;
    for (const s of states)
      for (const input of inputs)
        for (const a of [city, body, songjiang, officer])
          for (const t of ['assigned', 'handling', 'done'] as const) {
            const r = decide(item(s), [{ district_code: '310117', state: t }], a, input, D);
            if (r.ok) continue;
            refusals++;
            expect(r.message.zh, JSON.stringify(r.message)).toMatch(cjk);
            expect(r.message.en, JSON.stringify(r.message)).not.toMatch(cjk);
          }
    expect(refusals).toBeGreaterThan(100);
  });
});
