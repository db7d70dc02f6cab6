import { describe, expect, it } from 'vitest';
import type { MinePerson, TifTicket } from '../../../../shared/tif.js';
import { evaluatePerson } from './criteria.js';
import { scorePersons } from './score.js';
import { RiskState } from './state.js';
import { honestHeavy, population, professional, ticket } from './testkit.js';

function run(tickets: TifTicket[], opts: Parameters<typeof scorePersons>[1] = {}): Map<string, MinePerson> {
  return new Map(scorePersons(tickets, { minScore: 0, ...opts }).map((p) => [p.complainant_id, p]));
}
function criteriaOf(
  tickets: TifTicket[],
  who: string,
  opts: ConstructorParameters<typeof RiskState>[0] = {},
): Map<string, string> {
  const st = new RiskState(opts);
  for (const t of [...tickets].sort((a, b) => a.received_at.localeCompare(b.received_at))) st.ingest(t);
  const ps = st.persons.find((p) => p.displayId === who)!;
  return new Map(evaluatePerson(ps, st).map((f) => [f.code, f.evidence]));
}
const base = population(400);
const honest = honestHeavy();

describe('hard negatives', () => {
  it('marks none of the honest heavy complainants and no ordinary person', () => {
    const out = run([...base, ...honest]);
    for (const who of ['gym-member', 'elder', 'assoc']) expect(out.has(who), who).toBe(false);
    expect([...out.keys()].filter((k) => k.startsWith('u'))).toEqual([]);
  });
});

describe('criteria fire with evidence on constructed cases', () => {
  const pro = professional('pro', 30);
  const c = criteriaOf([...base, ...honest, ...pro], 'pro');

  it('template, punitive, quantity, same kind and volume', () => {
    for (const code of ['template', 'punitive', 'quantity', 'same_kind', 'volume'])
      expect(c.has(code), code).toBe(true);
    expect(c.get('template')).toMatch(/30件高度相似/);
    expect(c.get('punitive')).toMatch(/30件（占本人30件的100%）/);
    expect(c.get('quantity')).toMatch(/合理生活消费量约20件以内/);
    expect(c.get('same_kind')).toMatch(/食品类·标签标识/);
    expect(c.get('volume')).toMatch(/99%分位/);
    expect(c.get('template')).toMatch(/t\d+/);
  });

  it('template: works from the text module clusters shared with other people', () => {
    const tks = [0, 1, 2, 3].map((i) =>
      ticket({
        who: 'tp',
        day: 5 + i,
        respondent: { name: `店${i}` },
        text: `各不相同的文字${i}号，我买的东西坏了${'甲乙丙丁'[i]}`,
      }),
    );
    const templates = [
      { cluster_id: 'T9', size: 40, complainants: 12, exemplar: 'x', ticket_ids: tks.map((t) => t.id) },
    ];
    const out = run([...base, ...tks, ...professional('pro2', 3)], { templates });
    expect(out.get('tp')?.criteria.find((x) => x.code === 'template')?.evidence).toMatch(
      /其他约11名投诉人使用同一模板（模板T9）/,
    );
  });

  it('buy_again after a compensated complaint of the same kind', () => {
    const tks = [
      ticket({
        who: 'ba',
        day: 1,
        respondent: { name: '超市A' },
        text: '买的牛奶过期了',
        labels: { goods_service: '食品类', problem: '过期变质', outcome: '调解成功，商家赔偿1000元' },
      }),
      ticket({
        who: 'ba',
        day: 20,
        respondent: { name: '超市A' },
        text: '又买的牛奶还是过期了',
        labels: { goods_service: '食品类', problem: '过期变质' },
      }),
    ];
    const e = criteriaOf([...base, ...tks], 'ba').get('buy_again');
    expect(e).toMatch(new RegExp(`${tks[0]!.id}已获赔偿后.*${tks[1]!.id}`));
  });

  it('quantity beyond reasonable needs, one purchase and 30-day totals', () => {
    const tks = [
      ticket({ who: 'q', day: 1, respondent: { name: '药店' }, text: '购买保健品蛋白粉十二罐，宣传有治疗作用' }),
      ticket({ who: 'q', day: 9, respondent: { name: '药店2' }, text: '购买保健食品鱼油4瓶，标签不规范' }),
    ];
    const e = criteriaOf([...base, ...tks], 'q').get('quantity');
    expect(e).toMatch(/保健食品“十二罐”，合理生活消费量约6件以内/);
    expect(e).toMatch(/30日内多次购买保健食品合计16件/);
  });

  it('collusion: shared phone under different names, and synchronised filing', () => {
    const tks: TifTicket[] = [];
    for (const [i, who] of ['c1', 'c2', 'c3'].entries()) {
      for (let s = 0; s < 4; s++)
        tks.push(
          ticket({
            who,
            name: `名${who}`,
            phone: i < 2 ? '13900001111' : `1390000222${i}`,
            day: 30 + s * 10,
            respondent: { name: `小店X${s}` },
            text: `投诉小店X${s}的商品问题，编号${who}${s}`,
          }),
        );
    }
    const c1 = criteriaOf([...base, ...tks], 'c1').get('collusion');
    expect(c1).toMatch(/与1名不同姓名的投诉人共用手机号/);
    expect(c1).toMatch(/与2名投诉人在72小时内先后投诉同一批经营者（最多4家相同/);
    expect(criteriaOf([...base, ...tks], 'c3').get('collusion')).toMatch(/72小时内/);
  });

  it('collusion does not fire for the many victims of one group dispute', () => {
    const tks = Array.from({ length: 80 }, (_, i) =>
      ticket({ who: `v${i}`, day: 50, respondent: { name: '跑路健身房' }, text: '健身房跑路了要求退款' }),
    );
    const out = run([...base, ...tks]);
    expect([...out.keys()].filter((k) => k.startsWith('v'))).toEqual([]);
  });

  it('impersonation: one account under several names; declared agency', () => {
    const tks = ['甲', '乙', '丙', '丁'].map((n, i) =>
      ticket({ who: 'imp', name: `张${n}`, day: i * 3, respondent: { name: `店${i}` }, text: honestText2(i) }),
    );
    expect(criteriaOf([...base, ...tks], 'imp').get('impersonation')).toMatch(/以4个不同姓名提交/);
    const ag = [0, 1].map((i) =>
      ticket({ who: 'ag', day: i, respondent: { name: `店${i}` }, text: `我受雇代为投诉，商品有问题${i}` }),
    );
    expect(criteriaOf([...base, ...ag], 'ag').get('impersonation')).toMatch(/2件自述受雇或代他人投诉/);
    expect(criteriaOf([...base, ...honest], 'assoc').has('impersonation')).toBe(false);
  });

  it('a second identity on the ID number of a proposed professional is cited with it', () => {
    const idn = '310101199001011234';
    const main = professional('main', 25).map((t) => ({ ...t, complainant: { ...t.complainant, id_number: idn } }));
    const alt = professional('alt', 3, 21).map((t) => ({
      ...t,
      complainant: { id: 'alt', name: '另一人', id_number: idn },
    }));
    const out = run([...base, ...main, ...alt]);
    expect(out.get('main')!.score).toBeGreaterThan(0.9);
    expect(out.get('alt')!.criteria.find((c) => c.code === 'impersonation')!.evidence).toMatch(
      /身份证号同时被1名不同姓名的投诉人使用；其中 main（评分0\.\d+）已达提议标准/,
    );
  });

  it('untrue reports and litigation counts from the source', () => {
    const tks = [0, 1, 2].map((i) =>
      ticket({
        who: 'ur',
        kind: 'report',
        day: i * 5,
        respondent: { name: `店${i}` },
        text: `举报店${i}虚假宣传`,
        extra: { result: '经核查举报不属实', disclosure_requests: 4 + i },
      }),
    );
    const c2 = criteriaOf([...base, ...tks], 'ur');
    expect(c2.get('untrue_reports')).toMatch(/3件举报经核查不属实/);
    expect(c2.get('litigation')).toMatch(/政府信息公开申请6次/);
  });

  it('fabricated evidence flags passed in from the evidence module', () => {
    const tks = [0, 1].map((i) => ticket({ who: 'fe', day: i, respondent: { name: `店${i}` }, text: `商品破损${i}` }));
    const e = criteriaOf([...base, ...tks], 'fe', { evidence: new Map([[tks[0]!.id, ['图片含AIGC隐式标识']]]) }).get(
      'fabricated_evidence',
    );
    expect(e).toMatch(/图片含AIGC隐式标识/);
  });
});

describe('score and output', () => {
  it('proposes the professional with a high score and keeps raw identifiers out', () => {
    const pro = professional('pro', 30).map((t) => ({
      ...t,
      complainant: { name: '职业甲', phone: '13812345678', id_number: '310101199001011234' },
    }));
    const out = scorePersons([...base, ...honest, ...pro]);
    expect(out.length).toBe(1);
    expect(out[0]!.score).toBeGreaterThan(0.9);
    expect(out[0]!.complainant_id).toMatch(/^h:[0-9a-f]{16}$/);
    const json = JSON.stringify(out);
    for (const raw of ['13812345678', '310101199001011234', '职业甲']) expect(json).not.toContain(raw);
    for (const c of out[0]!.criteria) expect(c.evidence.length).toBeGreaterThan(10);
  });

  it('people who wrote once or twice get nothing', () => {
    expect(scorePersons(base, { minScore: 0 })).toEqual([]);
  });
});

function honestText2(i: number): string {
  return ['买的台灯不亮要求退货', '外卖送错了', '理发店多收钱', '衣服掉色要求退款'][i]!;
}

describe("the platform's own outcomes", () => {
  it('maps workflow outcomes: not opened → untrue, mediated / ODR-settled → compensated', async () => {
    const { outcomeOf } = await import('./text.js');
    const t = (outcome: string) => ({ id: 'x', received_at: '2026-01-01', labels: { outcome } });
    expect(outcomeOf(t('not_opened'))).toBe('untrue');
    expect(outcomeOf(t('mediated'))).toBe('compensated');
    expect(outcomeOf(t('odr_settled'))).toBe('compensated');
    expect(outcomeOf(t('declined'))).toBe('declined');
    expect(outcomeOf(t('case_opened'))).toBe('other');
  });
});

describe('message boards', () => {
  it('lists an account with dozens of templated posts and no business field, by the template criterion', () => {
    const ts: TifTicket[] = [];
    const issues = ['路灯不亮', '垃圾没人清运', '下水道堵塞', '夜间施工扰民', '违章停车'];
    for (let i = 0; i < 300; i++)
      ts.push({
        id: `o${i}`,
        kind: 'complaint',
        received_at: `2019-03-${String(1 + (i % 28)).padStart(2, '0')}`,
        complainant: { id: `acct-${i}` },
        text: `${issues[i % 5]}，在第${i}号楼附近，已经很久了，希望尽快处理`,
      });
    for (let i = 0; i < 25; i++)
      ts.push({
        id: `tp${i}`,
        kind: 'complaint',
        received_at: `2019-${String(1 + (i % 12)).padStart(2, '0')}-10`,
        complainant: { id: 'acct-board' },
        text: `您好，第${i + 3}段河道长期有生活污水直排，水体发黑发臭，严重影响周边居民生活，请相关部门依法查处并限期整改，谢谢！`,
      });
    const ps = scorePersons(ts);
    const p = ps.find((x) => x.complainant_id === 'acct-board');
    expect(p).toBeDefined();
    expect(p!.score).toBeGreaterThanOrEqual(0.5);
    expect(p!.criteria.map((c) => c.code)).toContain('template');
    expect(ps.filter((x) => x.complainant_id !== 'acct-board')).toHaveLength(0);
  });
});
