/**
 * The planted phenomena, decided before any ticket is written: group disputes (群体纠纷), concentrated demands
 * (集中诉求), professional claimants and colluding groups, honest heavy complainants. Each becomes a list of dated
 * events; the generator turns events into tickets day by day. Sizes scale with the number of tickets.
 */
import { Rng, rngFor } from './rng.js';
import { makePerson, type City, type SimBusiness, type SimPerson } from './city.js';
import { makeTemplate, type ProTemplate } from './templates.js';

export type Ev =
  | { t: 'group'; a: number; p: number }
  | { t: 'conc'; a: number; p: number }
  | { t: 'pro'; s: number; id: number; key: number; target: number; part: 'c' | 'r' | 'cr' }
  | { t: 'honest'; h: number; n: number };

export interface GroupSpec {
  biz: SimBusiness;
  start: number;
  end: number;
  size: number;
  cat: string;
  items: string[];
}
export interface ConcSpec {
  topic: number;
  key: string;
  brand: string;
  model: string;
  start: number;
  end: number;
  size: number;
}
export interface ProSpec {
  role: 'professional' | 'colluding';
  group: string | null;
  identities: number[];
  template: ProTemplate;
  targets: SimBusiness[];
}
export type HonestKind = 'renovation' | 'closure' | 'elderly' | 'association' | 'community';
export interface HonestSpec {
  kind: HonestKind;
  person: number;
  biz?: SimBusiness;
  start: number;
  end: number;
}

export interface Plan {
  byDay: Ev[][];
  groups: GroupSpec[];
  concs: ConcSpec[];
  pros: ProSpec[];
  honest: HonestSpec[];
  /** special people: planted roles and group-dispute victims, by person index */
  persons: Map<number, SimPerson>;
  specialCount: number;
}

/** Person indices of planted people live far above ordinary ones (the id permutation hides the gap). */
const SPECIAL_BASE = 50_000_000;

export const CONC_TOPICS = [
  {
    key: (b: string, m: string) => `${b}${m}充电宝召回`,
    brands: ['锐能', '极充', '安速', '酷电', '闪能'],
    cat: '家用电子电器类',
    item: '充电宝',
  },
  {
    key: (b: string, m: string) => `${b}${m}食品安全`,
    brands: ['老坛香', '味之源', '鲜禾', '湘味坊', '好滋味'],
    cat: '食品类',
    item: '',
  },
  {
    key: (b: string) => `${b}套餐资费调整`,
    brands: ['中国移动', '中国联通', '中国电信'],
    cat: '电信服务',
    item: '手机套餐',
  },
  {
    key: (b: string, m: string) => `${b}${m}电动车电池`,
    brands: ['骏驰', '绿动', '雅行', '飞鸽行'],
    cat: '交通工具类',
    item: '电动自行车电池',
  },
  {
    key: (b: string) => `${b}演唱会退票`,
    brands: ['星光', '海潮', '夏日限定', '回声'],
    cat: '文化、娱乐、体育服务',
    item: '演唱会门票',
  },
];
export const CONC_FOODS = ['酸菜', '螺蛳粉', '预制菜', '海苔', '辣条', '月饼', '卤味', '冷冻虾仁'];

const GROUP_KINDS: [string, string, string[]][] = [
  ['gym', '文化、娱乐、体育服务', ['健身年卡', '私教课', '游泳卡', '瑜伽课程']],
  ['education', '教育培训服务', ['英语培训课程', '少儿编程课', '美术课', '舞蹈课', '早教课']],
  ['beauty', '生活、社会服务类', ['美容年卡', '美发会员卡', '美容疗程卡']],
  ['bakery', '销售服务', ['预付卡', '会员储值', '蛋糕卡']],
  ['laundry', '生活、社会服务类', ['洗衣预付卡', '家政服务套餐']],
];

export function makePlan(seed: number, city: City, tickets: number, days: number): Plan {
  const r = rngFor(seed, 'plan');
  const byDay: Ev[][] = Array.from({ length: days }, () => []);
  const persons = new Map<number, SimPerson>();
  let nextPerson = SPECIAL_BASE;
  const newPerson = (opts?: { birthBefore?: number }): number => {
    const i = nextPerson++;
    persons.set(i, makePerson(seed, i, opts));
    return i;
  };
  const scale = tickets / 50_000;
  const sizeScale = Math.max(0.3, Math.min(3, Math.sqrt(scale)));
  const small = tickets < 3000;
  const clampDay = (d: number) => Math.max(0, Math.min(days - 1, Math.round(d)));
  let count = 0;
  const put = (day: number, e: Ev) => {
    byDay[clampDay(day)]!.push(e);
    count++;
  };

  // -- group disputes: prepaid businesses that close; many distinct people in 3–14 days, front-loaded
  const groups: GroupSpec[] = [];
  const nBig = tickets < 500 ? 0 : Math.max(2, Math.round(6 * scale));
  const nSmall = tickets < 500 ? 0 : Math.max(1, Math.round(2 * scale));
  const used = new Set<string>();
  for (let g = 0; g < nBig + nSmall; g++) {
    const [kind, cat, items] = r.pick(GROUP_KINDS);
    const list = city.localByKind.get(kind) ?? [];
    let biz: SimBusiness | undefined;
    for (let tries = 0; tries < 50 && list.length > 0; tries++) {
      const cand = list[r.int(Math.min(5, list.length - 1), list.length - 1)]!;
      if (!used.has(cand.name) && !cand.odr) {
        biz = cand;
        break;
      }
    }
    if (!biz) continue;
    used.add(biz.name);
    const big = g < nBig;
    const size = big ? Math.round(r.int(10, 80) * (small ? 0.5 : sizeScale)) : r.int(8, 15);
    const len = r.int(3, 14);
    const start = r.int(5, Math.max(6, days - len - 2));
    const a = groups.length;
    groups.push({ biz, start, end: start + len - 1, size: Math.max(8, size), cat, items });
    for (let k = 0; k < Math.max(8, size); k++) {
      const off = Math.min(len - 1, Math.floor(-Math.log(1 - r.next() * 0.98) * len * 0.35));
      put(start + off, { t: 'group', a, p: newPerson() });
    }
  }

  // -- concentrated demands: one topic across many businesses, rising over 1–3 weeks
  const concs: ConcSpec[] = [];
  const nConc = tickets < 500 ? 0 : Math.max(2, Math.round(3 * scale));
  for (let c = 0; c < nConc; c++) {
    const topic = c % CONC_TOPICS.length;
    const def = CONC_TOPICS[topic]!;
    const brand = r.pick(def.brands);
    const model =
      topic === 0
        ? `${r.pick(['P', 'PB', 'RN-P'])}${r.int(10, 30)}`
        : topic === 1
          ? r.pick(CONC_FOODS)
          : topic === 3
            ? `${r.int(48, 72)}V`
            : '';
    const len = r.int(7, 21);
    const start = r.int(10, Math.max(11, days - len - 2));
    const size = Math.max(20, Math.round(r.int(30, 150) * (small ? 0.4 : sizeScale)));
    const a = groups.length + concs.length;
    concs.push({ topic, key: def.key(brand, model), brand, model, start, end: start + len - 1, size });
    // ramp: weight grows linearly for three quarters of the window, then falls off
    const w = Array.from({ length: len }, (_, i) => (i < len * 0.75 ? i + 1 : (len - i) * 2));
    for (let k = 0; k < size; k++) put(start + r.weighted(w), { t: 'conc', a, p: newPerson() });
  }

  // -- honest heavy complainants (hard negatives): heavy and genuine, varied texts, ordinary demands
  const honest: HonestSpec[] = [];
  const nEach = tickets < 1000 ? 0 : Math.max(1, Math.round(2 * scale));
  const kinds: HonestKind[] = ['renovation', 'closure', 'elderly', 'association', 'community'];
  for (const kind of kinds) {
    for (let k = 0; k < nEach; k++) {
      const person = kind === 'elderly' ? newPerson({ birthBefore: 1955 }) : newPerson();
      const p = persons.get(person)!;
      if (kind === 'association') {
        p.org = true;
        p.name = `上海市${['黄浦', '徐汇', '长宁', '静安', '普陀', '虹口', '杨浦', '闵行', '宝山', '嘉定', '浦东新', '金山', '松江', '青浦', '奉贤', '崇明'][r.int(0, 15)]}区消费者权益保护委员会`;
        p.phone = `021-${r.int(3, 6)}${r.digits(7)}`;
        p.id_number = '';
      }
      let n: number;
      let start: number;
      let end: number;
      let biz: SimBusiness | undefined;
      if (kind === 'renovation' || kind === 'closure') {
        n = r.int(12, 30);
        const len = r.int(60, 150);
        start = r.int(0, Math.max(1, days - len));
        end = Math.min(days - 1, start + len);
        const list =
          city.localByKind.get(kind === 'renovation' ? 'renovation' : r.pick(['gym', 'education', 'beauty'])) ?? [];
        biz = list.length ? list[r.int(0, list.length - 1)] : undefined;
      } else {
        n = kind === 'elderly' ? r.int(15, 40) : kind === 'association' ? r.int(40, 150) : r.int(20, 60);
        start = 0;
        end = days - 1;
      }
      n = Math.max(10, Math.round(n * Math.min(1, Math.max(0.5, scale))));
      const h = honest.length;
      honest.push({ kind, person, biz, start, end });
      for (let i = 0; i < n; i++) put(r.int(start, end), { t: 'honest', h, n: i });
    }
  }

  // -- professional claimants and colluding groups
  const pros: ProSpec[] = [];
  const foodKinds = ['supermarket', 'bakery', 'liquor', 'pharmacy'];
  const pickTargets = (k: number): SimBusiness[] => {
    const out: SimBusiness[] = [];
    for (let i = 0; i < k; i++) {
      if (r.chance(0.55)) {
        const keys = [...city.sellers.keys()].filter((x) => /ecommerce|supermarket|liquor|pharmacy/.test(x));
        const list = city.sellers.get(r.pick(keys)) ?? [];
        if (list.length) out.push(list[r.zipf(list.length, 0.8)]!);
      } else {
        const list = city.localByKind.get(r.pick(foodKinds)) ?? [];
        if (list.length) out.push(list[r.zipf(list.length, 0.8)]!);
      }
    }
    return out.length ? out : [city.businesses[city.businesses.length - 1]!];
  };
  const budget = Math.round(tickets * 0.1);
  const nPro = tickets < 800 ? 0 : Math.max(2, Math.round(tickets * 0.0015));
  const vols = Array.from({ length: nPro }, () => Math.round(r.logUniform(30, 300)));
  const volSum = vols.reduce((a, b) => a + b, 0);
  const f = volSum > budget ? budget / volSum : 1;
  const spread = (s: number, vol: number, pairShare: number) => {
    const spec = pros[s]!;
    const active = r.int(Math.min(days, 90), days);
    const start = r.int(0, days - active);
    let key = 0;
    let left = vol;
    while (left > 0) {
      const day = start + r.int(0, active - 1);
      const batch = Math.min(left, r.int(1, 6));
      const target = r.zipf(spec.targets.length, 1.0); // the same shops again and again, buying again after payouts
      for (let b = 0; b < batch && left > 0; b++) {
        const id = spec.identities[r.weighted(spec.identities.map((_, i) => (i === 0 ? 3 : 1)))]!;
        const roll = r.next();
        if (roll < pairShare && left >= 2) {
          put(day, { t: 'pro', s, id, key, target, part: 'c' });
          put(day + (r.chance(0.7) ? 0 : 1), { t: 'pro', s, id, key, target, part: 'r' });
          left -= 2;
        } else if (roll < pairShare + 0.12) {
          put(day, { t: 'pro', s, id, key, target, part: 'cr' });
          left--;
        } else {
          put(day, { t: 'pro', s, id, key, target, part: r.chance(0.8) ? 'c' : 'r' });
          left--;
        }
        key++;
      }
    }
  };
  for (let i = 0; i < nPro; i++) {
    const main = newPerson();
    const identities = [main];
    let group: string | null = null;
    if (r.chance(0.3)) {
      // several identities sharing a phone, an address or an ID number with the main one
      group = `ID-${i + 1}`;
      const mp = persons.get(main)!;
      for (let k = r.int(1, 3); k > 0; k--) {
        const alt = newPerson();
        const ap = persons.get(alt)!;
        const what = r.int(0, 2);
        if (what === 0) ap.phone = mp.phone;
        else if (what === 1) ap.address = mp.address;
        else {
          ap.phone = mp.phone;
          ap.address = mp.address;
        }
        if (r.chance(0.25)) ap.id_number = mp.id_number;
        identities.push(alt);
      }
    }
    pros.push({
      role: 'professional',
      group,
      identities,
      template: makeTemplate(r, `T-P${i + 1}`),
      targets: pickTargets(r.int(4, 25)),
    });
    spread(pros.length - 1, Math.max(8, Math.round(vols[i]! * f)), 0.35);
  }
  // colluding groups: 3–6 people, one template, the same shop within a day or two
  const nCol = tickets < 800 ? 0 : Math.max(1, Math.round(4 * scale));
  for (let g = 0; g < nCol; g++) {
    const members = Array.from({ length: r.int(3, 6) }, () => newPerson());
    if (r.chance(0.5)) {
      const addr = persons.get(members[0]!)!.address;
      for (const m of members.slice(1)) if (r.chance(0.5)) persons.get(m)!.address = addr;
    }
    const template = makeTemplate(r, `T-G${g + 1}`);
    const targets = pickTargets(r.int(3, 10));
    const base = pros.length;
    for (const m of members) pros.push({ role: 'colluding', group: `G${g + 1}`, identities: [m], template, targets });
    const campaigns = r.int(6, 18);
    for (let c = 0; c < campaigns; c++) {
      const day = r.int(0, days - 3);
      const target = r.int(0, targets.length - 1);
      for (let m = 0; m < members.length; m++) {
        if (!r.chance(0.85)) continue;
        const s = base + m;
        const d = day + r.weighted([5, 3, 1]);
        put(d, { t: 'pro', s, id: members[m]!, key: 10_000 + c, target, part: 'c' });
        if (r.chance(0.4)) put(d, { t: 'pro', s, id: members[m]!, key: 10_000 + c, target, part: 'r' });
      }
    }
  }

  // never more planted tickets than 40 % of the city: drop at random (tiny cities)
  const cap = Math.floor(tickets * 0.4);
  if (count > cap) {
    const dr = new Rng(seed ^ 0x5bd1e995);
    let excess = count - cap;
    while (excess > 0) {
      const d = dr.int(0, days - 1);
      const list = byDay[d]!;
      if (list.length) {
        list.splice(dr.int(0, list.length - 1), 1);
        excess--;
        count--;
      }
    }
  }
  return { byDay, groups, concs, pros, honest, persons, specialCount: count };
}
