/**
 * The day-by-day generator: for each day, the planted events of that day plus that day's share of the background,
 * ordered by time, numbered, and yielded one at a time — a million tickets never sit in memory together.
 * Ground truth is collected as the ids are assigned.
 */
import type { SimTruth, TifTicket } from '../../../../shared/tif.js';
import { Rng, rngFor } from './rng.js';
import { buildCity, makePerson, personId, type City, type SimPerson } from './city.js';
import { dayNum, isoOf } from './formats.js';
import { allocate, dayWeights } from './season.js';
import { makePlan, type Plan } from './plan.js';
import { ordinaryTicket } from './ordinary.js';
import { concTicket, groupTicket, honestTicket, proTicket } from './special.js';

export interface SimOptions {
  tickets: number;
  seed: number;
  /** last day, YYYY-MM-DD (default 2026-10-31) */
  end?: string;
  /** number of days ending on `end` (default 365) */
  days?: number;
}

export interface Simulation {
  city: City;
  plan: Plan;
  dates: string[];
  tickets(): Generator<TifTicket>;
  /** the ground truth; complete once tickets() has been run to the end */
  truth(): SimTruth;
}

interface Meta {
  alert?: number;
  template?: string;
}

export function createSimulation(o: SimOptions): Simulation {
  const end = o.end ?? '2026-10-31';
  const days = o.days ?? 365;
  const { dates, weights } = dayWeights(end, days);
  const city = buildCity(o.seed, o.tickets);
  const plan = makePlan(o.seed, city, o.tickets, days);
  const background = allocate(Math.max(0, o.tickets - plan.specialCount), weights);
  const width = Math.max(6, String(o.tickets).length);
  const alertIds: string[][] = [...plan.groups, ...plan.concs].map(() => []);
  const alertDays: [string, string][] = alertIds.map(() => ['', '']);
  const templateIds = new Map<string, string[]>();
  let done = false;

  const person = (i: number): SimPerson => plan.persons.get(i) ?? makePerson(o.seed, i);

  function* tickets(): Generator<TifTicket> {
    let seq = 0;
    let nextOrdinary = 0;
    const dupQueue: { due: number; src: TifTicket }[] = [];
    for (let d = 0; d < days; d++) {
      const iso = dates[d]!;
      const r = rngFor(o.seed, 'day', d);
      const todays: { t: TifTicket; meta?: Meta; dupOf?: TifTicket }[] = [];
      for (const e of plan.byDay[d]!) {
        if (e.t === 'group')
          todays.push({ t: groupTicket(r, plan.groups[e.a]!, person(e.p), iso), meta: { alert: e.a } });
        else if (e.t === 'conc')
          todays.push({
            t: concTicket(r, city, plan.concs[e.a - plan.groups.length]!, person(e.p), iso),
            meta: { alert: e.a },
          });
        else if (e.t === 'honest') {
          const h = plan.honest[e.h]!;
          todays.push({ t: honestTicket(r, city, h, person(h.person), iso, e.n) });
        } else {
          const spec = plan.pros[e.s]!;
          todays.push({
            t: proTicket(o.seed, r, spec, e.s, person(e.id), iso, e.key, e.target, e.part),
            meta: { template: spec.template.id },
          });
        }
      }
      let k = background[d]!;
      // re-submissions of earlier tickets fill part of today's background
      for (let i = 0; i < dupQueue.length && k > 0;) {
        const q = dupQueue[i]!;
        if (q.due <= d) {
          const src = q.src;
          const t: TifTicket = JSON.parse(JSON.stringify(src));
          t.received_at = `${iso}${src.received_at.slice(10)}`;
          if (r.chance(0.4) && t.text)
            t.text =
              r.pick(['', '再次反映：', '重复提交：']) + t.text + r.pick(['', '请尽快处理！', '怎么还没人处理？']);
          todays.push({ t, dupOf: src });
          dupQueue.splice(i, 1);
          k--;
        } else i++;
      }
      for (; k > 0; k--) {
        const pi = nextOrdinary > 50 && r.chance(0.12) ? r.int(0, nextOrdinary - 1) : nextOrdinary++;
        todays.push({ t: ordinaryTicket(r, city, person(pi), iso) });
      }
      // order within the day by time, then number
      const order = todays.map((_, i) => i);
      order.sort((a, b) => {
        const x = todays[a]!.t.received_at;
        const y = todays[b]!.t.received_at;
        return x < y ? -1 : x > y ? 1 : a - b;
      });
      for (const oi of order) {
        const x = todays[oi]!;
        seq++;
        const id = `SIM-${o.seed}-${String(seq).padStart(width, '0')}`;
        const t = x.t;
        t.id = id;
        if (x.dupOf) t.extra = { ...(t.extra ?? {}), duplicate_of: x.dupOf.id };
        if (x.meta?.alert !== undefined) {
          alertIds[x.meta.alert]!.push(id);
          const ad = alertDays[x.meta.alert]!;
          if (!ad[0]) ad[0] = iso;
          ad[1] = iso;
        }
        if (x.meta?.template) {
          if (!templateIds.has(x.meta.template)) templateIds.set(x.meta.template, []);
          templateIds.get(x.meta.template)!.push(id);
        }
        if (!x.meta && !x.dupOf && d < days - 2 && t.kind === 'complaint' && r.chance(0.012))
          dupQueue.push({ due: d + (r.chance(0.7) ? 1 : 2), src: t });
        yield t;
      }
    }
    done = true;
  }

  function truth(): SimTruth {
    if (!done) for (const _ of tickets()) void _;
    const persons: SimTruth['persons'] = [];
    for (const s of plan.pros)
      for (const i of s.identities) persons.push({ complainant_id: personId(i), role: s.role, group: s.group });
    for (const h of plan.honest)
      persons.push({ complainant_id: personId(h.person), role: 'honest_heavy', group: null });
    const alerts: SimTruth['alerts'] = [];
    plan.groups.forEach((g, a) => {
      if (alertIds[a]!.length)
        alerts.push({
          kind: 'group_dispute',
          subject_key: g.biz.name,
          start: alertDays[a]![0],
          end: alertDays[a]![1],
          ticket_ids: alertIds[a]!,
        });
    });
    plan.concs.forEach((c, j) => {
      const a = plan.groups.length + j;
      if (alertIds[a]!.length)
        alerts.push({
          kind: 'concentrated_demand',
          subject_key: c.key,
          start: alertDays[a]![0],
          end: alertDays[a]![1],
          ticket_ids: alertIds[a]!,
        });
    });
    const templates = [...templateIds].map(([template_id, ticket_ids]) => ({ template_id, ticket_ids }));
    return { persons, alerts, templates };
  }

  return { city, plan, dates, tickets, truth };
}

export { Rng, isoOf, dayNum };
