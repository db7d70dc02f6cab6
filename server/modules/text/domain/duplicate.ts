/**
 * Intake duplicate check: a new ticket that repeats an open or handled one — same person or same business,
 * near-identical text, close in time — is linked instead of handled twice.
 */
import type { TifTicket } from '../../../../shared/tif.js';
import { normalize } from './normalize.js';
import { jaccardSorted, shingleHashes, shingleText } from './shingles.js';
import { businessKey } from './similar.js';

export interface DuplicateMatch {
  id: string;
  similarity: number;
  days_apart: number;
  same_person: boolean;
  same_business: boolean;
  why: string;
}
export interface DuplicateOptions {
  /** text similarity (char 3-shingle Jaccard, digits folded) for "near-identical"; default 0.7 */
  threshold?: number;
  /** how close in time; default 30 days */
  days?: number;
}

function personKeys(t: TifTicket): string[] {
  const c = t.complainant;
  if (!c) return [];
  return [
    c.id && `id:${c.id}`,
    c.id_number && `idn:${normalize(c.id_number)}`,
    c.phone && `ph:${c.phone.replace(/\D/g, '')}`,
  ].filter((x): x is string => !!x);
}

/** Returns the recent ticket the candidate repeats (the most similar one), or null. */
export function findDuplicate(
  candidate: TifTicket,
  recent: TifTicket[],
  opts: DuplicateOptions = {},
): DuplicateMatch | null {
  const thr = opts.threshold ?? 0.7;
  const days = opts.days ?? 30;
  const text = (t: TifTicket) => [t.title, t.text].filter(Boolean).join('。');
  const cs = shingleHashes(shingleText(text(candidate)));
  if (cs.length === 0) return null;
  const cp = new Set(personKeys(candidate));
  const cb = businessKey(candidate.respondent?.name);
  const ct = Date.parse(candidate.received_at);
  let best: DuplicateMatch | null = null;
  for (const r of recent) {
    if (r.id === candidate.id) continue;
    const samePerson = personKeys(r).some((k) => cp.has(k));
    const sameBiz = !!cb && businessKey(r.respondent?.name) === cb;
    if (!samePerson && !sameBiz) continue;
    const dt = Math.abs(ct - Date.parse(r.received_at)) / 86_400_000;
    if (!(dt <= days)) continue;
    const sim = jaccardSorted(cs, shingleHashes(shingleText(text(r))));
    // same person and same business: a looser text match still means the same grievance filed again
    const need = samePerson && sameBiz ? thr - 0.2 : thr;
    if (sim < need) continue;
    if (!best || sim > best.similarity) {
      const who = [samePerson && 'same complainant', sameBiz && `same business (${r.respondent?.name})`]
        .filter(Boolean)
        .join(' and ');
      best = {
        id: r.id,
        similarity: Math.round(sim * 1000) / 1000,
        days_apart: Math.round(dt * 10) / 10,
        same_person: samePerson,
        same_business: sameBiz,
        why: `${who}; ${Math.round(sim * 100)}% text overlap; ${Math.round(dt)} day(s) apart`,
      };
    }
  }
  return best;
}
