import { describe, expect, it } from 'vitest';
import type { TifTicket } from '../../../../shared/tif.js';
import { dayString } from './days.js';
import { WarningEngine } from './engine.js';
import { replayAlerts } from './replay.js';
import { mulberry32 } from '../../../../shared/random.js';

const rng = mulberry32;

const START = 19_000; // 2022-01-08
const WORDS = ['退款', '质量', '发票', '客服', '延迟发货', '价格欺诈', '售后', '虚假宣传', '霸王条款', '押金'];

/** 120 days of flat Poisson noise: 150 businesses with rates between 0.02 and 0.3 complaints a day. */
function background(seed = 1, days = 120): TifTicket[] {
  const r = rng(seed);
  const out: TifTicket[] = [];
  const rates = Array.from({ length: 150 }, () => 0.02 + 0.28 * r() * r());
  let n = 0;
  for (let d = 0; d < days; d++) {
    rates.forEach((rate, b) => {
      // Poisson by inversion
      let k = 0;
      let p = Math.exp(-rate);
      let s = p;
      const u = r();
      while (u > s) {
        k++;
        p *= rate / k;
        s += p;
      }
      for (let i = 0; i < k; i++) {
        out.push({
          id: `bg-${n++}`,
          received_at: dayString(START + d),
          complainant: { id: `p-${Math.floor(r() * 1e9)}` },
          respondent: { name: `商户${b}有限公司` },
          text: `在商户${b}购买的商品${WORDS[Math.floor(r() * WORDS.length)]}问题，要求处理`,
        });
      }
    });
  }
  return out;
}

function burst(name: string, firstDay: number, people: number, days: number, perPerson = 1, prefix = 'b'): TifTicket[] {
  const out: TifTicket[] = [];
  for (let i = 0; i < people; i++) {
    for (let j = 0; j < perPerson; j++) {
      out.push({
        id: `${prefix}-${i}-${j}`,
        received_at: dayString(START + firstDay + ((i + j) % days)),
        complainant: { id: `${prefix}-person-${i}` },
        respondent: { name },
        text: `${name}突然关门，预付卡无法退款`,
      });
    }
  }
  return out;
}

const respondentAlerts = (ts: TifTicket[], opts = {}) =>
  replayAlerts(ts, opts).filter((a) => a.subject.type === 'respondent');

describe('early-warning engine', () => {
  const bg = background();

  it('finds a planted group burst within a few days, with its evidence', () => {
    const planted = burst('上海悦动健身有限公司（徐汇分公司）', 90, 12, 5);
    const alerts = respondentAlerts([...bg, ...planted]);
    const hit = alerts.find((a) => a.subject.key === '悦动健身');
    expect(hit).toBeDefined();
    expect(hit!.kind).toBe('group_dispute');
    expect(hit!.detected_at >= dayString(START + 90) && hit!.detected_at <= dayString(START + 94)).toBe(true);
    expect(hit!.complainants).toBeGreaterThanOrEqual(5);
    expect(hit!.expected).toBeLessThan(hit!.complainants);
    expect(hit!.ticket_ids.every((id) => id.startsWith('b-'))).toBe(true);
    expect(hit!.recurrence_days).toBeGreaterThan(0);
    // a burst is one event, however many days it keeps firing
    expect(alerts.filter((a) => a.subject.key === '悦动健身')).toHaveLength(1);
  });

  it('stays quiet on flat noise', () => {
    expect(respondentAlerts(bg)).toHaveLength(0);
  });

  it('does not call one person filing fifty tickets a group', () => {
    expect(respondentAlerts([...bg, ...burst('某某美容店', 90, 1, 5, 50)])).toHaveLength(0);
  });

  it('discounts complainants on the abnormal list', () => {
    const planted = burst('某某培训学校', 90, 12, 5);
    expect(respondentAlerts([...bg, ...planted]).some((a) => a.subject.key === '某某培训学校')).toBe(true);
    const abnormal = new Set(Array.from({ length: 12 }, (_, i) => `b-person-${i}`));
    expect(respondentAlerts([...bg, ...planted], { abnormal }).some((a) => a.subject.key === '某某培训学校')).toBe(
      false,
    );
  });

  it('never looks ahead: a replay cut at any day raises the same alerts on the same days', () => {
    const all = [...bg, ...burst('甲健身', 70, 10, 6, 1, 'x'), ...burst('乙健身', 95, 15, 3, 1, 'y')];
    const full = replayAlerts(all).map((a) => `${a.subject.type}:${a.subject.key}@${a.detected_at}`);
    for (const cut of [72, 74, 96, 100]) {
      const end = dayString(START + cut);
      const part = replayAlerts(all.filter((t) => t.received_at <= end)).map(
        (a) => `${a.subject.type}:${a.subject.key}@${a.detected_at}`,
      );
      expect(part).toEqual(full.filter((k) => k.slice(-10) <= end));
    }
  });

  it('streams: alerts come out at the end of the day they fire, and memory is pruned', () => {
    const e = new WarningEngine();
    const all = [...bg, ...burst('丙健身', 100, 20, 2)].sort((a, b) => (a.received_at < b.received_at ? -1 : 1));
    const created: string[] = [];
    for (const t of all)
      for (const a of e.add(t)?.created ?? []) created.push(`${a.subject.type}:${a.subject.key}@${a.detected_at}`);
    for (const a of e.flush().created) created.push(`${a.subject.type}:${a.subject.key}@${a.detected_at}`);
    expect(created.some((k) => k.startsWith('respondent:丙健身@'))).toBe(true);
    expect(() => e.add({ id: 'old', received_at: dayString(START) })).toThrow(/older/);
    // closing twice (a midnight scheduler, then the next day's first ticket) evaluates the day once
    expect(e.closeDay().created).toHaveLength(0);
    expect(e.add({ id: 'next', received_at: dayString(START + 200) })?.created ?? []).toHaveLength(0);
    expect(e.stats().subjects.respondent).toBeLessThanOrEqual(152);
  });

  it('alerts a dozen people about one business within the same hours, before the day closes', () => {
    const e = new WarningEngine();
    for (const t of bg) e.add(t);
    const day = dayString(START + 121);
    let at = -1;
    for (let i = 0; i < 12; i++) {
      const r = e.add({
        id: `gym-${i}`,
        received_at: `${day}T09:${String(10 + i * 3).padStart(2, '0')}:00+08:00`,
        complainant: { id: `gym-person-${i}` },
        respondent: { name: '上海闪电健身有限公司' },
        text: '健身房今天突然关门，会员卡无法退款',
      });
      if (at < 0 && r?.created.some((a) => a.subject.key === '闪电健身')) at = i + 1;
    }
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThanOrEqual(12);
    const a = e.events().find((x) => x.subject.key === '闪电健身')!;
    expect(a.detected_at).toBe(day);
    expect(a.intraday).toBe(true);
  });

  it('names a housing estate found only in the text of a message board', () => {
    const board: TifTicket[] = [];
    const r = rng(3);
    for (let d = 0; d < 100; d++)
      for (let k = 0; k < 4; k++)
        board.push({
          id: `mb-${d}-${k}`,
          received_at: dayString(START + d),
          text: `${['路灯不亮', '垃圾清运不及时', '噪音扰民', '道路积水'][k]}，位于第${Math.floor(r() * 300)}号楼附近，希望处理`,
        });
    for (let i = 0; i < 15; i++)
      board.push({
        id: `est-${i}`,
        received_at: dayString(START + 90 + (i % 4)),
        text: `我是翠湖湾花园业主，开发商把车位捆绑销售，第${i}次反映了`,
      });
    const hit = replayAlerts(board).find(
      (a) => a.subject.type === 'location' && a.subject.label.includes('翠湖湾花园'),
    );
    expect(hit).toBeDefined();
    expect(hit!.detected_at <= dayString(START + 93)).toBe(true);
  });
});
