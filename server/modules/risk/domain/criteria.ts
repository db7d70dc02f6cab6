/**
 * Criteria as code. Each function reads one person's aggregates (and the population norms) and either returns
 * null or a fired criterion with a strength in (0, 1] and evidence a clerk can cite: ticket ids, dates, counts and
 * the norm that is exceeded. Thresholds are relative to the population wherever a population exists; the few
 * fixed counts (e.g. "多次" = at least 3) are written next to the guidance clause they interpret.
 */
import { collusion, impersonation, similarToLinked } from './criteria-links.js';
import { catName, clamp, fire, ids, span, type Evidence, type Fired } from './fired.js';
import {
  proceedingCounts,
  type PersonState,
  type RecordedProceeding,
  type RiskState,
  type TicketRec,
} from './state.js';
import { jaccard } from './text.js';
import { day, EN } from './criteria-en.js';

/** Minimum population before a category's own norm is trusted; smaller ones use the all-category norm. */
const MIN_POPULATION = 200;

/** 二(六): volume far beyond the category's norm: at least 3× its 99th percentile of complaints per person. */
export function volume(ps: PersonState, st: RiskState): Fired | null {
  let best: { cat: string; n: number; thr: number; q50: number; q99: number } | null = null;
  const cats: [string, number][] = [...ps.byCategory.entries(), ['*', ps.tickets.length]];
  for (const [cat0, n] of cats) {
    const cat = st.hist.population(cat0) >= MIN_POPULATION ? cat0 : '*';
    const q99 = st.hist.quantile(cat, 0.99);
    const thr = Math.max(5, Math.ceil(3 * q99));
    if (n >= thr && (!best || n / thr > best.n / best.thr))
      best = { cat: cat0, n, thr, q50: st.hist.quantile(cat, 0.5), q99 };
  }
  if (!best) return null;
  const ts = best.cat === '*' ? ps.tickets : ps.tickets.filter((t) => t.category === best!.cat);
  // peak frequency: most tickets within any 7 days
  const times = Float64Array.from(ts, (t) => t.t).sort();
  let peak = 0,
    peakAt = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! > 7 * 86_400_000) j++;
    if (i - j + 1 > peak) {
      peak = i - j + 1;
      peakAt = times[j]!;
    }
  }
  return fire(
    'volume',
    0.5 + 0.5 * clamp(Math.log2(best.n / best.thr) / 3),
    {
      zh:
        `${span(ts)}在${catName(best.cat)}共投诉举报${best.n}件，超过该类别正常水平（每人中位数${best.q50}件、99%分位${best.q99}件）的3倍阈值${best.thr}件；` +
        `最密集的7天（自${day(peakAt)}）提交${peak}件；工单：${ids(ts)}`,
      en: EN.volume({ ...best, ts, peakAt, peak }),
    },
    ts,
  );
}

/** 反复就同类商品同类问题: one category+problem dominates, across several businesses, far above its population share. */
export function sameKind(ps: PersonState, st: RiskState): Fired | null {
  const n = ps.tickets.length;
  if (n < 5) return null;
  let bestKey: string | null = null,
    m = 0;
  for (const [k, c] of ps.bySameKey)
    if (c > m) {
      m = c;
      bestKey = k;
    }
  if (!bestKey || m < 5 || m / n < 0.5) return null;
  const ts = ps.tickets.filter((t) => t.sameKey === bestKey);
  const resps = new Set(ts.map((t) => t.resp).filter((r) => r !== null));
  // Several businesses: follow-ups against one shop (the closed gym) are not "repeated same-kind" conduct.
  const needResp = resps.size >= 3 || (resps.size === 0 && m >= 8);
  if (!needResp) return null;
  const p0 = (st.keyTickets.get(bestKey) ?? 0) / Math.max(1, st.keyTotal);
  const expected = n * p0;
  if (m < expected + 4 * Math.sqrt(Math.max(expected * (1 - p0), 0.25)) + 2) return null;
  const [cat, prob] = bestKey.split('|');
  return fire(
    'same_kind',
    0.5 + 0.5 * clamp((m - 5) / 20) * (m / n),
    {
      zh:
        `${span(ts)}就“${cat}·${prob}”反复投诉举报${m}件（占本人${n}件的${Math.round((100 * m) / n)}%，全市该类占比${(100 * p0).toFixed(1)}%），` +
        `涉及${resps.size || '未登记'}家经营者；工单：${ids(ts)}`,
      en: EN.sameKind({ ts, cat: cat!, prob: prob!, m, n, p0, resps: resps.size }),
    },
    ts,
  );
}

/** 模板化诉求文本: near-identical texts (Jaccard ≥ 0.5 on 3-grams) filed against several businesses. */
export function template(
  ps: PersonState,
  st: RiskState,
  shared?: Map<string, { cluster: string; complainants: number }>,
): Fired | null {
  let big: TicketRec[] = [];
  for (const cl of ps.clusters) if (cl.tickets.length > big.length) big = cl.tickets.map((i) => ps.tickets[i]!);
  const resps = new Set(big.map((t) => t.resp).filter((r) => r !== null));
  // Short texts coincide by chance ("要求退款"): they count as a template only when filed by the dozen.
  const minLen = big.length ? Math.min(...big.slice(0, 20).map((t) => t.textLen)) : 0;
  const own =
    big.length >= (minLen >= 20 ? 5 : 8) &&
    (resps.size >= 3 || big.length >= 12 || (resps.size === 0 && big.length >= 8));
  // Shared with other people (from the text module's templates): only counts when the person files it repeatedly.
  const sharedTs: TicketRec[] = [];
  const sharedWith = new Set<string>();
  let others = 0;
  if (shared)
    for (const t of ps.tickets) {
      const s = shared.get(t.id);
      if (s && s.complainants >= 2) {
        sharedTs.push(t);
        if (!sharedWith.has(s.cluster)) {
          sharedWith.add(s.cluster);
          others += s.complainants - 1;
        }
      }
    }
  const cross = sharedTs.length >= 3 && sharedTs.length / ps.tickets.length >= 0.5;
  // The same template as identities linked to this person (shared phone/bank/device, or filing in step with them)
  const lk = similarToLinked(ps, st);
  const linked = lk.tickets.length >= 2 && lk.tickets.length / ps.tickets.length >= 0.5;
  if (!own && !cross && !linked) return null;
  const parts: string[] = [];
  const en: string[] = [];
  if (linked) en.push(EN.templateLinked(lk.tickets, lk.others));
  if (own) en.push(EN.templateOwn(big, resps.size));
  if (cross) en.push(EN.templateShared(sharedTs, others, [...sharedWith]));
  if (linked)
    parts.push(
      `${lk.tickets.length}件与关联身份 ${lk.others.slice(0, 3).join('、')} 的诉求文本属同一模板：${ids(lk.tickets)}`,
    );
  if (own)
    parts.push(
      `${span(big)}提交${big.length}件高度相似的诉求文本（相似度≥0.5），${resps.size ? `针对${resps.size}家经营者` : '（未登记经营者）'}：${ids(big)}`,
    );
  if (cross)
    parts.push(
      `${sharedTs.length}件与其他约${others}名投诉人使用同一模板（模板${[...sharedWith].slice(0, 3).join('、')}）：${ids(sharedTs)}`,
    );
  const n = Math.max(big.length, sharedTs.length, lk.tickets.length);
  // Message boards and platforms record no business: there, twenty and more copies of one text are the spread.
  const board = resps.size === 0 && big.length >= 20;
  return fire(
    'template',
    0.5 + 0.5 * clamp((n - 5) / 15) * (resps.size >= 3 || cross || linked || board ? 1 : 0.6),
    { zh: parts.join('；'), en: en.join('; ') },
    own ? big : cross ? sharedTs : lk.tickets,
  );
}

/** Punitive-damage demands: a share far above the population's, on at least 3 tickets. */
export function punitive(ps: PersonState, st: RiskState): Fired | null {
  const ts = ps.tickets.filter((t) => t.punitive);
  const n = ps.tickets.length;
  if (ts.length < 3) return null;
  const p0 = st.punitiveTickets / Math.max(1, st.tickets);
  const share = ts.length / n;
  // a quarter of one's complaints is already far above the city's share (≈ 0.5 %); the strength below scales with it
  if (share < Math.max(0.25, 3 * p0)) return null;
  // Strength grows with the number of *businesses* damages were demanded from (3 → 0.3, 8 and more → 1; one or two
  // → 0.1 each) and with the share of the person's complaints: one dispute argued again and again for 退一赔三 is
  // not the pattern of buying in order to claim. Tickets without a recorded business count one each.
  const resps = new Set(ts.map((t) => t.resp).filter((r) => r !== null));
  const m = resps.size + ts.filter((t) => t.resp === null).length;
  const byCount = m >= 3 ? 0.3 + 0.7 * clamp((m - 3) / 5) : 0.1 * m;
  return fire(
    'punitive',
    byCount * clamp(share / 0.6),
    {
      zh: `${ts.length}件（占本人${n}件的${Math.round(100 * share)}%）主张三倍/十倍等惩罚性赔偿，涉及${resps.size || '未登记'}家经营者，全市投诉中该比例为${(100 * p0).toFixed(1)}%；工单：${ids(ts)}`,
      en: EN.punitive(ts, n, share, resps.size, p0),
    },
    ts,
  );
}

/** 获赔后明知仍购买: a later complaint of the same kind (or same business) after an earlier one ended in compensation. */
export function buyAgain(ps: PersonState): Fired | null {
  // tickets are ingested in time order (the batch scorer sorts; live intake arrives in order)
  const sorted = ps.tickets;
  const pairs: [TicketRec, TicketRec][] = [];
  const knownBefore: TicketRec[] = [];
  for (const t of sorted) {
    for (const e of knownBefore) {
      if (t.t - e.t < 86_400_000) continue;
      if ((e.sameKey && e.sameKey === t.sameKey) || (e.resp && e.resp === t.resp && e.pkind === t.pkind)) {
        pairs.push([e, t]);
        break;
      }
    }
    if (t.outcome === 'compensated') knownBefore.push(t);
  }
  if (!pairs.length) return null;
  const later = pairs.map((p) => p[1]);
  const [e0, l0] = pairs[0]!;
  return fire(
    'buy_again',
    0.5 + 0.5 * clamp((pairs.length - 1) / 4),
    {
      zh: `${day(e0.t)}工单${e0.id}已获赔偿后，于${day(l0.t)}就同类商品同类问题再次投诉（${l0.id}）；此类再次投诉共${pairs.length}件：${ids(later)}`,
      en: EN.buyAgain(e0, l0, later),
    },
    [e0, ...later],
  );
}

/** 超出合理生活消费需要: one purchase above the kind's reasonable quantity, or 30-day totals above twice it (Art. 12–13). */
export function quantity(ps: PersonState): Fired | null {
  const withQ = ps.tickets.filter((t) => t.qty > 0 && t.reasonable > 0); // already in time order
  if (!withQ.length) return null;
  const over = withQ.filter((t) => t.qty > t.reasonable);
  // Art. 13: purchases of one kind within 30 days are added up (two pointers per kind over the sorted tickets)
  let agg: TicketRec[] = [];
  const byKind = new Map<string, TicketRec[]>();
  for (const t of withQ) {
    const l = byKind.get(t.pkind!);
    if (l) l.push(t);
    else byKind.set(t.pkind!, [t]);
  }
  for (const l of byKind.values()) {
    if (l.length < 2 || agg.length) continue;
    let sum = 0;
    for (let i = 0, j = 0; i < l.length; i++) {
      sum += l[i]!.qty;
      while (l[i]!.t - l[j]!.t > 30 * 86_400_000) sum -= l[j++]!.qty;
      if (i > j && sum > 2 * l[i]!.reasonable) {
        agg = l.slice(j, i + 1);
        break;
      }
    }
  }
  if (!over.length && !agg.length) return null;
  const parts: string[] = [];
  if (over.length)
    parts.push(
      over
        .slice(0, 4)
        .map((t) => `${t.id}（${day(t.t)}）${t.pkind}“${t.qtyRaw}”，合理生活消费量约${t.reasonable}件以内`)
        .join('；'),
    );
  if (agg.length)
    parts.push(
      `30日内多次购买${agg[0]!.pkind}合计${agg.reduce((s, t) => s + t.qty, 0)}件（${ids(agg)}），超过合理量${agg[0]!.reasonable}件的2倍`,
    );
  const en = [...(over.length ? [EN.quantityOver(over)] : []), ...(agg.length ? [EN.quantityAgg(agg)] : [])];
  const ts = [...new Set([...over, ...agg])];
  let ratio = 1;
  for (const t of ts) ratio = Math.max(ratio, t.qty / t.reasonable);
  return fire(
    'quantity',
    0.4 + 0.3 * clamp(Math.log2(ratio) / 3) + 0.3 * clamp((ts.length - 1) / 4),
    { zh: parts.join('；'), en: en.join('; ') },
    ts,
  );
}

/** 三(二): reports repeatedly found untrue (outcomes recorded by the source). "多次" read as ≥ 3, or 2 of ≤ 3. */
export function untrueReports(ps: PersonState): Fired | null {
  const judged = ps.tickets.filter((t) => t.outcome !== null && t.kind === 'report');
  const bad = judged.filter((t) => t.outcome === 'untrue');
  if (bad.length < 2 || (bad.length < 3 && bad.length / judged.length < 0.67)) return null;
  return fire(
    'untrue_reports',
    0.5 + 0.5 * clamp((bad.length - 2) / 6),
    {
      zh: `${bad.length}件举报经核查不属实（已有核查结论的举报${judged.length}件）：${ids(bad)}，${span(bad)}`,
      en: EN.untrue(bad, judged.length),
    },
    bad,
  );
}

/**
 * 三(三)–(五): disclosure requests, reviews/lawsuits, discipline reports ("多次" = ≥ 3, ≥ 2 for 纪检): the proceedings
 * officers recorded on the person's tickets (cited by ticket and date), or imported counts where they are larger.
 */
export function litigation(ps: PersonState): Fired | null {
  const e = proceedingCounts(ps);
  const parts: Evidence[] = [];
  if (e.disclosure >= 3) parts.push({ zh: `政府信息公开申请${e.disclosure}次`, en: EN.disclosure(e.disclosure) });
  if (e.reviews + e.lawsuits >= 3)
    parts.push({ zh: `行政复议${e.reviews}次、行政诉讼${e.lawsuits}次`, en: EN.reviews(e.reviews, e.lawsuits) });
  if (e.discipline >= 2) parts.push({ zh: `向纪检监察部门举报${e.discipline}次`, en: EN.discipline(e.discipline) });
  if (!parts.length) return null;
  const total = e.disclosure + e.reviews + e.lawsuits + e.discipline;
  const byId = new Map(ps.tickets.map((t) => [t.id, t]));
  const rec = ps.procs.filter((p) => byId.has(p.ticket)).sort((a, b) => (a.on < b.on ? -1 : 1));
  const ts = [...new Set(rec.map((p) => byId.get(p.ticket)!))];
  const cited = rec
    .slice(0, 6)
    .map((p) => `${p.on}${PROC_LABEL[p.kind]}（工单${p.ticket}）`)
    .join('、');
  const source = rec.length
    ? `登记的关联程序：${cited}${rec.length > 6 ? ` 等${rec.length}项` : ''}`
    : '来源：工单附带的外部计数';
  return fire(
    'litigation',
    0.4 + 0.6 * clamp((total - 3) / 12),
    {
      zh: `${parts.map((x) => x.zh).join('，')}；${source}`,
      en: `${parts.map((x) => x.en).join(', ')}; ${rec.length ? EN.procsCited(rec) : EN.procsImported}`,
    },
    ts.length ? ts : ps.tickets.slice(0, 1),
  );
}
const PROC_LABEL: Record<RecordedProceeding['kind'], string> = {
  disclosure: '申请政府信息公开',
  review: '申请行政复议',
  lawsuit: '提起行政诉讼',
  discipline: '向纪检监察部门举报',
};

/** Evidence flags from the evidence module (AI-generation labels, one image reused across claims). */
export function fabricatedEvidence(ps: PersonState): Fired | null {
  const ts = ps.tickets.filter((t) => t.evidence?.length);
  if (!ts.length) return null;
  const flags = [...new Set(ts.flatMap((t) => t.evidence!))].slice(0, 3);
  const what = flags.join('；');
  return fire(
    'fabricated_evidence',
    0.5 + 0.5 * clamp((ts.length - 1) / 3),
    {
      zh: `${ts.length}件工单的证据材料被标记：${what}；工单：${ids(ts)}（提示复核，非自动认定）`,
      en: EN.fabricated(ts, flags),
    },
    ts,
  );
}

export type SharedTemplates = Map<string, { cluster: string; complainants: number }>;

/**
 * All criteria of one person. `proposed` (person index → score) lets the collusion criterion cite linked identities
 * that are themselves proposed; the batch scorer passes it in a second pass.
 */
export function evaluatePerson(
  ps: PersonState,
  st: RiskState,
  shared?: SharedTemplates,
  proposed?: Map<number, number>,
): Fired[] {
  // Lawful representatives (消协, legal aid, residents' committees) file for others by design: never proposed.
  if (ps.isOrg) return [];
  const out: Fired[] = [];
  const add = (f: Fired | null): void => {
    if (f) out.push(f);
  };
  add(sameKind(ps, st));
  add(template(ps, st, shared));
  add(punitive(ps, st));
  add(buyAgain(ps));
  add(quantity(ps));
  add(collusion(ps, st, proposed));
  add(impersonation(ps, st, proposed));
  add(untrueReports(ps));
  add(litigation(ps));
  add(fabricatedEvidence(ps));
  // Volume describes honest heavy users too: it is reported only beside a conduct criterion (DOMAIN §2.3).
  if (out.length) add(volume(ps, st));
  return out;
}
