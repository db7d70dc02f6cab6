/**
 * Gives a freshly loaded demo city a past: tickets older than a few working days are walked through the statutory
 * workflow (through the real state machine, so every step is legal) to a plausible end — accepted and mediated or
 * terminated, declined with a reason, settled in ODR, verified and decided — while recent ones stay open at various
 * stages, some near or past their deadline. Deterministic for a seed. Written in bulk (one UPDATE, one INSERT).
 */
import type { Db } from '../platform/db/index.js';
import type { WorkCalendar } from '../platform/calendar/index.js';
import { decide, ruleSetByVersion, type ActionInput } from '../modules/workflow/index.js';
import type { Role } from '../../shared/domain.js';
import { mulberry32 } from '../../shared/random.js';
import { demoRepo, type AgedEvent, type AgedRow } from './repository.js';

const rng = mulberry32;

export async function ageHistory(db: Db, cal: WorkCalendar, today: string, seed = 1): Promise<{ aged: number }> {
  const rows = await demoRepo.receivedTickets(db);
  const T0 = Date.now();
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const updates: AgedRow[] = [];
  const events: AgedEvent[] = [];

  for (const t of rows) {
    const age = cal.workdaysBetween(t.received_date, today);
    if (age < 1) continue;
    const rules = ruleSetByVersion(t.rule_version);
    let s = {
      kind: t.kind,
      status: t.status,
      received_date: t.received_date,
      real_name: t.real_name,
      deadlines: t.deadlines,
      suspended_since: null as string | null,
      odr_key: null as string | null,
    };
    let seq = 1;
    let decisions = 0;
    let lateN = 0;
    let last: ReturnType<typeof decide> | null = null;
    // the ticket keeps the outcome, legal basis and rating of the step that set them (a later notice sets none)
    let outcome: string | null = null;
    let legal: string | null = null;
    let sat: number | null = null;
    let day = t.received_date;
    const step = (input: ActionInput, after: number, role: Role = 'officer'): boolean => {
      const next = cal.addWorkdays(day, Math.max(0, after));
      if (next >= today) return false;
      try {
        // the same facts performAction looks up: the enrolled enterprise is this business's (or its platform's), and
        // the consumer's own answer at filing decides whether ODR may be tried
        const facts = t.odr_key
          ? { odrEnterprise: { key: t.odr_key, enrolled: true }, odrCandidates: [t.odr_key], consentOdr: t.consent_odr }
          : {};
        const d = decide(s, input, { cal, rules, today: next, role, facts });
        day = next;
        s = {
          ...s,
          status: d.status,
          deadlines: d.deadlines as Record<string, string>,
          suspended_since: d.suspended_since,
          odr_key: d.odr_key,
        };
        last = d;
        outcome = d.outcome ?? outcome;
        legal = d.legal_basis ?? legal;
        sat = d.satisfaction ?? sat;
        if (typeof d.event.payload.late === 'boolean') {
          decisions++;
          if (d.event.payload.late) lateN++;
        }
        events.push({
          id: t.id,
          seq: ++seq,
          at: `${next}T${String(9 + Math.floor(r() * 8)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:00+08:00`,
          type: d.event.type,
          payload: JSON.stringify({ ...d.event.payload, status: d.status, demo_history: true }),
          role,
        });
        return true;
      } catch {
        return false;
      }
    };
    // Most decisions come within the statutory 7 working days; a few are late (that is what supervision is for).
    const lag = () => (r() < 0.06 ? 8 + Math.floor(r() * 4) : 1 + Math.floor(r() * 5));
    if (t.unit_id === 'triage') {
      // No competent bureau in the city (out-of-town sellers and platforms): forwarded through the national platform
      // to the competent bureau; an unknown place gets a consultation answer or a decline for missing materials.
      step(
        { action: 'refer_out', note: '已通过全国12315平台移送有管辖权的市场监管部门' },
        1 + Math.floor(r() * 3),
        'operator',
      );
    } else if (t.kind === 'complaint') {
      const u = r();
      if (u < 0.09) step({ action: 'decline', reason: pick(['D1', 'D2', 'D4', 'D5', 'D3']) }, lag());
      else {
        // ODR first where the business (or its platform) is enrolled; a window that fails falls back to mediation
        let administrative = true;
        if (
          u < 0.2 &&
          t.odr_key &&
          t.consent_odr &&
          step({ action: 'send_odr', odr_key: t.odr_key, consent: true }, 0, 'operator')
        ) {
          if (r() < 0.7) {
            step({ action: 'odr_settle' }, 1 + Math.floor(r() * 6), 'enterprise');
            administrative = false;
          } else administrative = step({ action: 'odr_fail' }, 7, 'enterprise');
        }
        if (
          administrative &&
          step({ action: 'accept' }, lag()) &&
          step({ action: 'start_mediation' }, Math.floor(r() * 3))
        ) {
          if (r() < 0.05 && step({ action: 'suspend', reason: 'testing' }, 3))
            step({ action: 'resume' }, 5 + Math.floor(r() * 10));
          const ok = r() < 0.68;
          if (ok)
            step(
              {
                action: 'mediate_success',
                record_only: r() < 0.4,
                note: pick(['商家同意全额退款', '商家同意退货退款', '商家同意维修并补偿100元', '双方协商部分退款']),
              },
              3 + Math.floor(r() * 25),
            );
          else if (step({ action: 'terminate', reason: pick(['T3', 'T4', 'T4', 'T1']) }, 5 + Math.floor(r() * 25)))
            step({ action: 'notify_termination' }, 1 + Math.floor(r() * 5));
        }
      }
      if (last && (last as ReturnType<typeof decide>).closed && r() < 0.5)
        step(
          { action: 'follow_up', satisfaction: r() < 0.75 ? 4 + Math.floor(r() * 2) : 1 + Math.floor(r() * 3) },
          2,
          'operator',
        );
    } else if (t.kind === 'report') {
      step({ action: 'start_verification' }, 1 + Math.floor(r() * 3));
      if (r() < 0.05) step({ action: 'extend_verification' }, 10, 'supervisor');
      const decided =
        r() < 0.3
          ? step({ action: 'open_case' }, 5 + Math.floor(r() * 8))
          : step({ action: 'not_open_case', reason: pick(['N0', 'N0', 'N1', 'N2']) }, 5 + Math.floor(r() * 8));
      if (decided) step(t.real_name ? { action: 'notify_reporter' } : { action: 'close' }, 1 + Math.floor(r() * 4));
    } else {
      step(
        {
          action: 'answer',
          note: pick(['已告知消费者维权途径', '已解答相关政策', '已转相关部门并告知', '已告知可向法院起诉']),
        },
        Math.floor(r() * 4),
        'operator',
      );
    }
    const d = last as ReturnType<typeof decide> | null;
    if (!d) continue;
    updates.push({
      id: t.id,
      decisions,
      late: lateN,
      status: d.status,
      deadlines: JSON.stringify(d.deadlines),
      due_date: d.due_date,
      due_kind: d.due_kind,
      closed: d.closed ? `${day}T17:00:00+08:00` : null,
      outcome,
      legal,
      sat,
      odr: d.odr_key,
    });
  }
  if (process.env.XZ_PROF) console.log('age compute', Date.now() - T0, updates.length, events.length);
  const CH = 5000;
  for (let i = 0; i < updates.length; i += CH) {
    const u = updates.slice(i, i + CH);
    await demoRepo.applyAged(db, u);
  }
  if (process.env.XZ_PROF) console.log('age update', Date.now() - T0);
  for (let i = 0; i < events.length; i += CH * 2) {
    const e = events.slice(i, i + CH * 2);
    await demoRepo.insertEvents(db, e);
  }
  return { aged: updates.length };
}
