/** One ordinary ticket: who files it, through which channel, about what, and how it is written. */
import type { TifTicket } from '../../../../shared/tif.js';
import { PROBLEM_SHARES_2024H1 } from '../../../../shared/domain.js';
import { cumulative, type Rng } from './rng.js';
import { PLATFORMS } from './names.js';
import { CATS, REPORT_ACTS, type CatDef, type Problem } from './lexicon.js';
import { districtByCode, pickDistrict, road, type City, type SimBusiness, type SimPerson } from './city.js';
import { dayNum, isoOf, orderNo } from './formats.js';
import { ecomFactor } from './season.js';
import { complaintText, complaintTitle, type Purchase, type Voice } from './grammar.js';
import { consultationText, helpText, locationReport, reportText, suggestionText } from './grammar-other.js';
import { ESTATE_CORES, ESTATES } from './names.js';

export const CHANNEL_SHARES: [string, number][] = [
  ['web', 38],
  ['phone', 22],
  ['12345', 18],
  ['app', 12],
  ['wechat', 10],
];
const CAT_W = cumulative(CATS.map((c) => c.weight));
const PROBLEMS = Object.keys(PROBLEM_SHARES_2024H1) as Problem[];

export function pickCat(r: Rng): CatDef {
  return CATS[r.cum(CAT_W)]!;
}
export function catByName(name: string): CatDef {
  return CATS.find((c) => c.cat === name) ?? CATS[CATS.length - 1]!;
}
const PROBLEM_W = new Map<CatDef, Float64Array>();
export function pickProblem(r: Rng, c: CatDef): Problem {
  let w = PROBLEM_W.get(c);
  if (!w) {
    w = cumulative(PROBLEMS.map((p) => (PROBLEM_SHARES_2024H1[p] ?? 1) * (c.bias?.[p] ?? 1)));
    PROBLEM_W.set(c, w);
  }
  return PROBLEMS[r.cum(w)]!;
}

/** A shop price: 299, 1,280, 59.9 … */
export function price(r: Rng, lo: number, hi: number): number {
  const x = r.logUniform(lo, hi);
  const u = r.next();
  if (u < 0.45) return Math.max(1, Math.round(x / 10) * 10 - 1);
  if (u < 0.75) return Math.max(1, Math.round(x / (x > 2000 ? 100 : 10)) * (x > 2000 ? 100 : 10));
  if (u < 0.9) return Math.round(x * 10) / 10;
  return Math.round(x * 100) / 100;
}

/** A time of day: hotlines answer in office hours, online channels run into the evening. */
export function receivedAt(r: Rng, iso: string, channel: string): string {
  let h: number;
  if (channel === 'phone' || channel === '12345')
    h = r.chance(0.92) ? r.pick([8, 9, 9, 10, 10, 10, 11, 11, 13, 14, 14, 15, 15, 16, 16, 17]) : r.int(18, 21);
  else h = r.chance(0.78) ? r.int(8, 18) : r.chance(0.8) ? r.int(19, 23) : r.int(0, 7);
  const m = r.int(0, 59);
  const s = r.int(0, 59);
  return `${iso}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}+08:00`;
}

const PLATFORMS_BY_KIND = new Map<string, [(typeof PLATFORMS)[number], number][]>();
for (const p of PLATFORMS)
  for (const k of p.kinds) {
    if (!PLATFORMS_BY_KIND.has(k)) PLATFORMS_BY_KIND.set(k, []);
    PLATFORMS_BY_KIND.get(k)!.push([p, p.weight]);
  }

export interface Sold {
  biz: SimBusiness;
  platform?: string;
  orderShape?: string;
}

/** Where the thing was bought: a platform seller or a local shop of one of the category's business kinds. */
export function pickSeller(r: Rng, city: City, c: CatDef, iso: string, forceOnline?: boolean): Sold {
  const online = forceOnline ?? r.chance(Math.min(0.95, c.online * ecomFactor(iso)));
  const kind = r.pick(c.kinds);
  if (online) {
    const cands = PLATFORMS_BY_KIND.get(kind) ?? [];
    if (cands.length) {
      const p = r.wpick(cands);
      const list = city.sellers.get(`${p.name}|${kind}`) ?? [];
      if (!list.length) return pickSeller(r, city, c, iso, false);
      return { biz: list[r.zipf(list.length, 1.05)]!, platform: p.name, orderShape: p.order };
    }
  }
  const localKind = kind !== 'ecommerce' ? kind : c.kinds.find((k) => k !== 'ecommerce');
  if (!localKind && !forceOnline) return pickSeller(r, city, c, iso, true);
  const list = city.localByKind.get(localKind ?? 'supermarket') ?? city.localByKind.get('supermarket')!;
  return { biz: list[r.zipf(list.length, 1.05)]! };
}

export function purchaseFor(
  r: Rng,
  city: City,
  c: CatDef,
  problem: Problem,
  iso: string,
  o: { forceOnline?: boolean; sold?: Sold; item?: string; maxQty?: number } = {},
): Purchase {
  const [item, lo, hi] = o.item ? (c.items.find((x) => x[0] === o.item) ?? [o.item, 50, 500]) : r.pick(c.items);
  const sold = o.sold ?? pickSeller(r, city, c, iso, o.forceOnline);
  let qty = 1;
  if (!c.service) {
    const q = r.next();
    qty =
      q < 0.82
        ? 1
        : q < 0.96
          ? r.int(2, 3)
          : r.int(4, Math.min(o.maxQty ?? 10, c.cat === '食品类' || c.cat === '烟、酒和饮料类' ? 12 : 5));
  }
  const unit = price(r, lo, hi);
  const back = c.service ? Math.floor(r.logUniform(1, 200)) : Math.floor(r.logUniform(1, 60));
  const purchaseDate = isoOf(dayNum(iso) - back);
  return {
    cat: c,
    problem,
    item,
    qty,
    amount: Math.round(unit * qty * 100) / 100,
    biz: sold.biz,
    platform: sold.platform,
    order: sold.orderShape ? orderNo(r, sold.orderShape, purchaseDate) : undefined,
    purchaseDate,
    today: iso,
  };
}

export function complainantOf(r: Rng, p: SimPerson, channel: string): TifTicket['complainant'] {
  const realName = channel === 'web' || channel === 'app' || channel === 'wechat';
  const out: NonNullable<TifTicket['complainant']> = { id: p.id, name: p.name };
  if (r.chance(0.93)) out.phone = p.phone;
  if (p.id_number && r.chance(realName ? 0.85 : 0.25)) out.id_number = p.id_number;
  if (r.chance(0.5)) out.address = p.address;
  return out;
}

export function respondentOf(r: Rng, p: Purchase): TifTicket['respondent'] | undefined {
  if (!p.biz) return undefined;
  const out: NonNullable<TifTicket['respondent']> = { name: p.biz.name };
  if (r.chance(p.platform ? 0.35 : 0.7)) out.address = p.biz.address;
  if (r.chance(0.3)) out.credit_code = p.biz.credit_code;
  if (p.platform) out.platform = p.platform;
  return out;
}

export function placeText(r: Rng): { place: string; district: string; street: string } {
  const d = pickDistrict(r);
  const s = r.pick(d.streets);
  const rd = road(r, d.code);
  const place = r.pick([
    `${d.name}${s.name}${rd}与${road(r, d.code)}交叉口`,
    `${d.name}${rd}${r.int(1, 999)}号`,
    `${d.name}${s.name}${r.pick(ESTATE_CORES)}${r.pick(ESTATES)}门口`,
    `${s.name}${rd}菜场旁边`,
    `上海市${d.name}${rd}${r.int(1, 999)}弄`,
  ]);
  return { place, district: d.code, street: s.code };
}

export interface Built {
  ticket: Omit<TifTicket, 'id'>;
  bizSrc?: SimBusiness;
}

/** An ordinary ticket of the background stream. */
export function ordinaryTicket(r: Rng, city: City, person: SimPerson, iso: string): TifTicket {
  const channel = r.wpick(CHANNEL_SHARES);
  const operator = (channel === 'phone' || channel === '12345') && r.chance(0.9);
  const kind = r.wpick<string>([
    ['complaint', 69],
    ['report', 13.5],
    ['consultation', 14.5],
    ['suggestion', 1.5],
    ['help', 1.5],
  ]);
  const c = pickCat(r);
  let problem = pickProblem(r, c);
  const v: Voice = { operator, person, channel, bizInText: r.chance(0.88) ? 'name' : 'vague' };
  const p = purchaseFor(r, city, c, problem, iso);
  const t: TifTicket = { id: '', kind, received_at: receivedAt(r, iso, channel), channel };
  const extra: Record<string, unknown> = {};
  let text: string;
  let withBiz = true;
  if (kind === 'complaint') {
    const hasReport = r.chance(0.04);
    const rp = hasReport
      ? `${r.pick(['另外，', '同时，', '此外'])}${r.pick(['我还要举报该商家', '举报该店', '反映该商家还存在'])}${r.pick(REPORT_ACTS[problem])}的问题，请依法查处。`
      : undefined;
    text = complaintText(r, p, v, { reportPart: rp });
    if (hasReport) extra.has_report_part = true;
    // the consumer's answer to "may the business try to settle first (ODR)?": about four in five say yes. A trait of
    // the person, drawn without touching the random stream, so the rest of the simulated city stays as it was
    extra.consent_odr = (person.birth.y * 31 + person.birth.m) % 10 < 8;
  } else if (kind === 'report') {
    if (r.chance(0.25)) {
      const loc = placeText(r);
      const lr = locationReport(r, v, loc.place);
      text = lr.text;
      problem = lr.problem;
      t.location = loc.place;
      extra.district_code = loc.district;
      extra.street_code = loc.street;
      withBiz = false;
    } else text = reportText(r, p, v);
  } else if (kind === 'consultation') {
    text = consultationText(r, p, v);
    withBiz = false;
  } else {
    const area = districtByCode(person.district_code)?.name ?? '';
    text = kind === 'suggestion' ? suggestionText(r, v, area) : helpText(r, v, p.item, area);
    problem = '其他';
    withBiz = false;
  }
  t.text = text;
  if (
    (channel === 'web' || channel === 'app' || channel === 'wechat' || channel === '12345') &&
    r.chance(channel === '12345' ? 0.4 : 0.6)
  ) {
    t.title =
      kind === 'complaint'
        ? complaintTitle(r, p, v)
        : kind === 'report'
          ? `举报${p.biz && v.bizInText === 'name' && withBiz ? p.biz.name.replace(/\(.*\)$/, '') : ''}${r.pick(['违法经营', '问题', '', '食品安全问题'])}`
          : kind === 'consultation'
            ? r.pick(['咨询', '问题咨询', `咨询${p.item}相关问题`])
            : kind === 'suggestion'
              ? '建议'
              : '求助';
  }
  const anonymous = kind === 'report' && r.chance(0.25);
  if (!anonymous) t.complainant = complainantOf(r, person, channel);
  if (withBiz && p.biz && (kind === 'complaint' || kind === 'report')) {
    // sometimes the business is only in the text, or nowhere (vague)
    if (v.bizInText === 'name' ? r.chance(0.93) : r.chance(0.4)) t.respondent = respondentOf(r, p);
    extra.district_code = p.biz.district_code;
    extra.street_code = p.biz.street_code;
  }
  if ((kind === 'complaint' && r.chance(0.85)) || (kind === 'report' && withBiz && r.chance(0.4))) t.amount = p.amount;
  t.labels = { goods_service: c.cat, problem, kind };
  extra.birth_year = person.birth.y;
  t.extra = extra;
  return t;
}
