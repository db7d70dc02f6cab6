import { describe, expect, it } from 'vitest';
import type { TifTicket } from '../../../../shared/tif.js';
import { evaluatePerson } from './criteria.js';
import type { Fired } from './fired.js';
import { scorePersons } from './score.js';
import { RiskState } from './state.js';
import { population, professional, ticket } from './testkit.js';

/** Chinese outside “quoted” names, categories and quantities as the tickets wrote them. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const unquoted = (s: string) => s.replace(/“[^”]*”/g, '');
const TICKET = /\bt\d+\b/g;
const idsOf = (s: string) => [...new Set(s.match(TICKET) ?? [])].sort();
const numbersOf = (s: string) => [...new Set(s.replace(TICKET, '').match(/\d+(?:\.\d+)?/g) ?? [])].sort();

/** The English says the same as the Chinese: every number and ticket id of the one is in the other, and no Chinese. */
function sameFacts(f: Fired): void {
  expect(f.evidence_en, f.code).toBeTruthy();
  expect(unquoted(f.evidence_en), `${f.code}: ${f.evidence_en}`).not.toMatch(CJK);
  expect(idsOf(f.evidence_en), f.code).toEqual(idsOf(f.evidence));
  const en = new Set(numbersOf(f.evidence_en));
  for (const n of numbersOf(f.evidence)) expect(en.has(n), `${f.code}: ${n} missing in “${f.evidence_en}”`).toBe(true);
}
function fired(tickets: TifTicket[], who: string, opts: ConstructorParameters<typeof RiskState>[0] = {}) {
  const st = new RiskState(opts);
  for (const t of [...tickets].sort((a, b) => a.received_at.localeCompare(b.received_at))) st.ingest(t);
  const ps = st.persons.find((p) => p.displayId === who)!;
  return new Map(evaluatePerson(ps, st).map((f) => [f.code, f]));
}
const base = population(400);

describe('English evidence from the same facts as the Chinese', () => {
  it('volume, same kind, template, punitive and quantity (a professional filer)', () => {
    const c = fired([...base, ...professional('pro', 30)], 'pro');
    for (const code of ['volume', 'same_kind', 'template', 'punitive', 'quantity'] as const) {
      expect(c.has(code), code).toBe(true);
      sameFacts(c.get(code)!);
    }
    expect(c.get('same_kind')!.evidence_en).toMatch(/“Food · Labelling”/);
    expect(c.get('volume')!.evidence_en).toMatch(/in Food (from|on) \d{4}-\d{2}-\d{2}/);
    expect(c.get('punitive')!.evidence_en).toMatch(/^30 \(100% of the person's 30\) claim punitive damages/);
  });

  it('template shared with other people names the templates, as the Chinese does', () => {
    const tks = [0, 1, 2, 3].map((i) =>
      ticket({ who: 'tp', day: 5 + i, respondent: { name: `店${i}` }, text: `各不相同的文字${i}号，东西坏了${i}` }),
    );
    const templates = [
      { cluster_id: 'tpl-9', size: 40, complainants: 12, exemplar: 'x', ticket_ids: tks.map((t) => t.id) },
    ];
    const p = scorePersons([...base, ...tks, ...professional('pro2', 3)], { minScore: 0, templates }).find(
      (x) => x.complainant_id === 'tp',
    )!;
    const c = p.criteria.find((x) => x.code === 'template')!;
    expect(c.evidence_en).toMatch(/use the same template as about 11 other complainants \(templates tpl-9\)/);
    sameFacts({ ...c, evidence_en: c.evidence_en!, strength: 1, ticket_ids: [] } as Fired);
  });

  it('buy again and quantity', () => {
    const ba = [
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
    const b = fired([...base, ...ba], 'ba').get('buy_again')!;
    sameFacts(b);
    expect(b.evidence_en).toMatch(new RegExp(`after ticket ${ba[0]!.id} of \\d{4}-\\d{2}-\\d{2} was compensated`));
    const q = [
      ticket({ who: 'q', day: 1, respondent: { name: '药店' }, text: '购买保健品蛋白粉十二罐，宣传有治疗作用' }),
      ticket({ who: 'q', day: 9, respondent: { name: '药店2' }, text: '购买保健食品鱼油4瓶，标签不规范' }),
    ];
    const f = fired([...base, ...q], 'q').get('quantity')!;
    sameFacts(f);
    expect(f.evidence_en).toMatch(/“十二罐”, reasonable personal consumption about 6 at most/);
    expect(f.evidence_en).toMatch(/within 30 days, 16 in all \(.*\), more than 2× the reasonable quantity of 6/);
  });

  it('collusion and impersonation', () => {
    const tks: TifTicket[] = [];
    for (const [i, who] of ['c1', 'c2', 'c3'].entries())
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
    const c1 = fired([...base, ...tks], 'c1').get('collusion')!;
    sameFacts(c1);
    expect(c1.evidence_en).toMatch(/shares a phone number with 1 complainant of other names/);
    expect(c1.evidence_en).toMatch(/filed within 72 hours of 2 other complainants .*up to 4 in common/);
    const names = ['甲', '乙', '丙', '丁'].map((n, i) =>
      ticket({ who: 'imp', name: `张${n}`, day: i * 3, respondent: { name: `店${i}` }, text: `商品有问题${i}` }),
    );
    const im = fired([...base, ...names], 'imp').get('impersonation')!;
    sameFacts(im);
    expect(im.evidence_en).toMatch(/^one identity filed under 4 different names; tickets: /);
    const idn = '310101199001011234';
    const main = professional('main', 25).map((t) => ({ ...t, complainant: { ...t.complainant, id_number: idn } }));
    const alt = professional('alt', 3, 21).map((t) => ({
      ...t,
      complainant: { id: 'alt', name: '另一人', id_number: idn },
    }));
    const a = scorePersons([...base, ...main, ...alt], { minScore: 0 })
      .find((p) => p.complainant_id === 'alt')!
      .criteria.find((c) => c.code === 'impersonation')!;
    expect(a.evidence_en).toMatch(
      /ID number is also used by 1 complainant of other names; of these, already at the proposal threshold: main \(score 0\.\d\d\)/,
    );
    sameFacts({ ...a, evidence_en: a.evidence_en!, strength: 1, ticket_ids: [] } as Fired);
  });

  it('untrue reports, litigation and flagged evidence', () => {
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
    const c = fired([...base, ...tks], 'ur');
    sameFacts(c.get('untrue_reports')!);
    sameFacts(c.get('litigation')!);
    expect(c.get('litigation')!.evidence_en).toBe(
      '6 information disclosure requests; source: external counts attached to the tickets',
    );
    // proceedings an officer recorded on the tickets, cited by date and ticket in both languages
    const rec = [0, 1, 2].map((i) =>
      ticket({
        who: 'lit',
        day: i * 4,
        respondent: { name: `局${i}` },
        text: `投诉${i}`,
        extra: { proceedings: [{ kind: i === 2 ? 'lawsuit' : 'review', on: `2025-02-0${i + 1}` }] },
      }),
    );
    const l = fired([...base, ...rec], 'lit').get('litigation')!;
    sameFacts(l);
    expect(l.evidence_en).toBe(
      `2 administrative reviews and 1 administrative lawsuit; proceedings recorded: 2025-02-01 administrative review (ticket ${rec[0]!.id}), ` +
        `2025-02-02 administrative review (ticket ${rec[1]!.id}), 2025-02-03 administrative lawsuit (ticket ${rec[2]!.id})`,
    );
    const fe = [0, 1].map((i) => ticket({ who: 'fe', day: i, respondent: { name: `店${i}` }, text: `商品破损${i}` }));
    const f = fired([...base, ...fe], 'fe', {
      evidence: new Map([[fe[0]!.id, ['同一图片用于不同诉求', '某个新标记']]]),
    }).get('fabricated_evidence')!;
    sameFacts(f);
    expect(f.evidence_en).toMatch(/the same image used for different claims; “某个新标记”/);
  });
});
