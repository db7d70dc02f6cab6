/**
 * The people the abnormal-list model flags, as the keys the engine recognises. The risk module may name a person by
 * a display id; the complainant ids (or identity hashes) of their tickets are added so every ticket of theirs is
 * discounted whatever key the engine sees.
 */
import type { MinePerson, TifTicket } from '../../../../shared/tif.js';
import { complainantKey } from './subjects.js';

export function abnormalComplainants(persons: MinePerson[], tickets: TifTicket[], threshold = 0.5): Set<string> {
  const byId = new Map<string, TifTicket>();
  const wanted = new Set(persons.filter((p) => p.score >= threshold).flatMap((p) => p.ticket_ids));
  for (const t of tickets) if (wanted.has(t.id)) byId.set(t.id, t);
  const out = new Set<string>();
  for (const p of persons) {
    if (p.score < threshold) continue;
    out.add(p.complainant_id);
    for (const id of p.ticket_ids) {
      const t = byId.get(id);
      if (t) out.add(t.complainant?.id ?? complainantKey(t));
    }
  }
  return out;
}
