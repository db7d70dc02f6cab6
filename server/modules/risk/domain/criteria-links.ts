/**
 * Criteria over the links between persons (graph.ts): several identities acting as one (多身份关联/通谋) and filing in
 * another's name (冒用他人名义). Same contract as criteria.ts: null, or a fired criterion with evidence a clerk can cite.
 */
import { EN } from './criteria-en.js';
import { clamp, fire, ids, span, type Fired } from './fired.js';
import { LINK_LABELS, type LinkKind, STRONG_LINKS } from './graph.js';
import type { PersonState, RiskState, TicketRec } from './state.js';
import { jaccard } from './text.js';
/** 多身份关联/通谋: shares phone/ID/bank/device with differently named persons, or files in step with others. */
export function collusion(ps: PersonState, st: RiskState, proposed?: Map<number, number>): Fired | null {
  const links = st.graph.links[ps.idx]!;
  const strong = new Set<number>();
  const parts: string[] = [];
  const en: string[] = [];
  for (const [kind, set] of links) {
    // a shared ID number is the impersonation criterion's fact (冒用他人名义); not counted twice
    if (kind === 'id_number') continue;
    const differ = [...set].filter((q) => differentNames(ps, st.persons[q]!) && !st.persons[q]!.isOrg);
    if (!differ.length) continue;
    // 二(四) is about filing *against the same business* under several identities: a phone shared by a household
    // whose members complain about different shops is no evidence of it
    if (STRONG_LINKS.has(kind)) for (const q of differ) if (sharesRespondent(ps, st.persons[q]!)) strong.add(q);
    if (STRONG_LINKS.has(kind) || differ.length >= 3) {
      parts.push(`与${differ.length}名不同姓名的投诉人共用${LINK_LABELS[kind as LinkKind]}`);
      en.push(EN.sharedLink(differ.length, kind as LinkKind));
    }
  }
  const sync: [number, number][] = [];
  for (const [q, resps] of ps.partners) if (resps.size >= 3) sync.push([q, resps.size]);
  const addressOnly = parts.length > 0 && strong.size === 0;
  if (!strong.size && !sync.length) return null;
  if (addressOnly && !sync.length) return null;
  if (sync.length) {
    sync.sort((a, b) => b[1] - a[1]);
    en.push(
      EN.sync(
        sync.length,
        sync[0]![1],
        sync.slice(0, 3).map(([q]) => st.persons[q]!.displayId),
      ),
    );
    parts.push(
      `与${sync.length}名投诉人在72小时内先后投诉同一批经营者（最多${sync[0]![1]}家相同，如 ${sync
        .slice(0, 3)
        .map(([q]) => st.persons[q]!.displayId)
        .join('、')}）`,
    );
  }
  const size = st.graph.groupSize(ps.idx);
  if (size > 1) {
    parts.push(`身份关联组共${size}人`);
    en.push(EN.group(size));
  }
  let boost = 0;
  if (proposed) {
    const hits = linkedPersons(ps, st)
      .filter((q) => proposed.has(q))
      .sort((a, b) => proposed.get(b)! - proposed.get(a)!);
    if (hits.length) {
      boost = 0.3;
      en.push(EN.proposedLinked(hits.slice(0, 3).map((q) => [st.persons[q]!.displayId, proposed.get(q)!])));
      parts.push(
        `关联身份 ${hits
          .slice(0, 3)
          .map((q) => `${st.persons[q]!.displayId}（评分${proposed.get(q)!.toFixed(2)}）`)
          .join('、')}已达提议标准`,
      );
    }
  }
  const ts = ps.tickets;
  return fire(
    'collusion',
    0.4 + 0.3 * clamp(strong.size / 3) + 0.3 * clamp(sync.length / 3) + boost,
    { zh: parts.join('；') + `；本人工单：${ids(ts)}`, en: [...en, EN.ownTickets(ts)].join('; ') },
    ts,
  );
}

/** Persons linked by a strong identifier (phone, bank, device) under another name, or by synchronised filing. */
export function linkedPersons(ps: PersonState, st: RiskState): number[] {
  const out = new Set<number>();
  for (const [kind, set] of st.graph.links[ps.idx]!) {
    if (!STRONG_LINKS.has(kind) || kind === 'id_number') continue;
    for (const q of set) if (differentNames(ps, st.persons[q]!) && !st.persons[q]!.isOrg) out.add(q);
  }
  for (const [q, resps] of ps.partners) if (resps.size >= 3) out.add(q);
  return [...out];
}

/** This person's tickets whose text is ≥ 0.5-similar to a text of a linked person (cluster exemplars compared). */
export function similarToLinked(ps: PersonState, st: RiskState): { tickets: TicketRec[]; others: string[] } {
  const linked = linkedPersons(ps, st).slice(0, 12);
  if (!linked.length) return { tickets: [], others: [] };
  const top = (x: PersonState) =>
    x.clusters.length <= 12
      ? x.clusters
      : [...x.clusters].sort((a, b) => b.tickets.length - a.tickets.length).slice(0, 12);
  const mine = top(ps);
  const hit = new Set<number>();
  const others = new Set<string>();
  for (const q of linked) {
    const qs = st.persons[q]!;
    const theirs = top(qs);
    for (const a of mine) {
      for (const b of theirs) {
        if (jaccard(a.exemplar, b.exemplar) >= 0.5) {
          for (const i of a.tickets) hit.add(i);
          others.add(qs.displayId);
          break;
        }
      }
    }
  }
  return { tickets: [...hit].sort((x, y) => x - y).map((i) => ps.tickets[i]!), others: [...others] };
}

function sharesRespondent(a: PersonState, b: PersonState): boolean {
  const mine = new Set(a.tickets.map((t) => t.resp).filter((r) => r !== null));
  return b.tickets.some((t) => t.resp !== null && mine.has(t.resp));
}

function differentNames(a: PersonState, b: PersonState): boolean {
  if (!a.names.size || !b.names.size) return true;
  for (const n of a.names) if (b.names.has(n)) return false;
  return true;
}

/** 冒用他人名义/受雇代为投诉: one identity filing under ≥ 3 names, or declaring agency repeatedly (organisations exempt). */
export function impersonation(ps: PersonState, st: RiskState, proposed?: Map<number, number>): Fired | null {
  if (ps.isOrg) return null;
  const parts: string[] = [];
  const en: string[] = [];
  let ts: TicketRec[] = [];
  if (ps.names.size >= 3) {
    parts.push(`同一身份以${ps.names.size}个不同姓名提交投诉举报`);
    en.push(EN.names(ps.names.size));
    const seen = new Set<string>();
    ts = ps.tickets.filter((t) => t.nameHash && !seen.has(t.nameHash) && seen.add(t.nameHash));
  }
  const idShared = [...(st.graph.links[ps.idx]!.get('id_number') ?? [])].filter((q) =>
    differentNames(ps, st.persons[q]!),
  );
  let boost = 0;
  if (idShared.length) {
    parts.push(`身份证号同时被${idShared.length}名不同姓名的投诉人使用`);
    en.push(EN.idShared(idShared.length));
    const hits = proposed ? idShared.filter((q) => proposed.has(q)) : [];
    if (hits.length) {
      boost = 0.4;
      en.push(EN.idSharedProposed(hits.slice(0, 3).map((q) => [st.persons[q]!.displayId, proposed!.get(q)!])));
      parts.push(
        `其中 ${hits
          .slice(0, 3)
          .map((q) => `${st.persons[q]!.displayId}（评分${proposed!.get(q)!.toFixed(2)}）`)
          .join('、')}已达提议标准`,
      );
    }
  }
  const agency = ps.tickets.filter((t) => t.agency);
  if (agency.length >= 2) {
    parts.push(`${agency.length}件自述受雇或代他人投诉`);
    en.push(EN.agency(agency.length));
    ts = [...ts, ...agency];
  }
  if (!parts.length) return null;
  if (!ts.length) ts = ps.tickets;
  return fire(
    'impersonation',
    0.5 + 0.25 * clamp((ps.names.size - 2) / 3) + 0.25 * clamp(agency.length / 5) + boost,
    { zh: `${parts.join('；')}；工单：${ids(ts)}`, en: [...en, EN.tickets(ts)].join('; ') },
    ts,
  );
}
