/**
 * Streaming early-warning engine. Tickets arrive in date order; at the end of each day every subject touched that
 * day is scanned over windows of 1–14 days ending today (a prospective, expectation-based scan), and category
 * subjects also run a negative-binomial CUSUM on daily totals.
 *
 * Why this model (ANCHORS §4.2): per-business counts are mostly 0 or 1 and have no sales denominator. So a subject's
 * expected count is its *share* of all tickets of its kind (learned from its own past, shrunk toward a population
 * prior because most businesses have no past) times the volume actually received in the window — the
 * space-time-permutation idea done prospectively, which absorbs system-wide swings (3·15, holidays, gaps in a feed).
 * The share is Gamma-distributed, so the predictive count is negative binomial; its tail gives a p-value, and the
 * p-value a recurrence interval. What is counted is distinct complainants, with people on the abnormal list left out.
 */
import type { MineAlert, TifTicket } from '../../../../shared/tif.js';
import { shanghaiDate } from '../../../platform/calendar/index.js';
import { dayIndex, dayString, decay } from './days.js';
import { cusum, scan } from './detectors.js';
import { KnownEstates } from './known-places.js';
import { resolveOptions, type ResolvedOptions, type WarningOptions } from './options.js';
import { GUARD, TYPE_BIT, type Event, type Fire, type SubjectState, type TypeState } from './state.js';
import { complainantKey, subjectsOf, ticketText, type SubjectType } from './subjects.js';
import { TopicKeywords } from './topic-keywords.js';
import { topicLabel } from './topic-label.js';

export interface DayResult {
  day: string;
  created: MineAlert[];
  updated: MineAlert[];
}

export class WarningEngine {
  readonly opts: ResolvedOptions;
  private readonly abnormal: Set<string>;
  private readonly topics: TopicKeywords;
  /** estates named so far, found again where a text writes one bare (known-places.ts) */
  private readonly estates = new KnownEstates();
  private readonly types = new Map<SubjectType, TypeState>();
  private current = -Infinity;
  /** Whether the open day was already closed (a scheduler may close it at midnight before the next day's tickets). */
  private closed = false;
  private openTopicEvents: Event[] = [];
  private openRespondentEvents: Event[] = [];
  private readonly allEvents: Event[] = [];
  /** Events whose evidence grew since their alert's ticket list was last written (see settle()). */
  private readonly dirty = new Set<Event>();
  /** Subjects that gained a person on this ticket and may fire intraday (reused from ticket to ticket). */
  private readonly grew: SubjectState[] = [];
  private daysClosed = 0;
  ticketsSeen = 0;
  ticketsDiscounted = 0;

  constructor(options: WarningOptions = {}) {
    this.opts = resolveOptions(options);
    this.abnormal = options.abnormal ?? new Set();
    this.topics = new TopicKeywords(this.opts.topicsPerTicket);
    for (const type of ['respondent', 'location', 'category', 'topic'] as SubjectType[]) {
      this.types.set(type, {
        type,
        subjects: new Map(),
        vol: new Map(),
        hist: 0,
        histDay: 0,
        entries: 0,
        volTotal: 0,
        touched: new Set(),
        firstDay: Infinity,
      });
    }
  }

  /** The day (YYYY-MM-DD, Asia/Shanghai) a ticket counts on. */
  static dayOf(t: TifTicket): string {
    return shanghaiDate(t.received_at);
  }

  /**
   * Adds one ticket. Tickets must come in day order; a ticket of a later day first closes the open day, and the
   * alerts of that closing are returned (usually none).
   */
  add(t: TifTicket): DayResult | undefined {
    const d = dayIndex(WarningEngine.dayOf(t));
    let closed: DayResult | undefined;
    if (d < this.current)
      throw new Error(`ticket ${t.id} (${dayString(d)}) is older than the open day ${dayString(this.current)}`);
    if (d > this.current) {
      if (this.current !== -Infinity && !this.closed) closed = this.closeDay();
      this.current = d;
      this.closed = false;
    }
    this.ticketsSeen++;
    const cid = t.complainant?.id;
    const person = complainantKey(t);
    if ((cid && this.abnormal.has(cid)) || this.abnormal.has(person)) {
      this.ticketsDiscounted++;
      return closed;
    }
    // Per ticket: no Set, closure or array is allocated here beyond what the buckets keep (the replay's garbage was
    // a large share of its time). Types already counted for this ticket are bits of a small mask.
    let seenTypes = 0;
    const grew = this.grew;
    grew.length = 0;
    const subjects = subjectsOf(t, this.topics, this.estates);
    let text: string | undefined;
    let bizKey: string | undefined;
    for (const s of subjects)
      if (s.type === 'respondent') {
        bizKey = s.key;
        break;
      }
    for (const s of subjects) {
      const ts = this.types.get(s.type)!;
      let st = ts.subjects.get(s.key);
      if (!st) {
        st = { s, buckets: [], hist: 0, histDay: d, lastSeen: d, cusum: 0, cusumStart: d, last: new Map() };
        ts.subjects.set(s.key, st);
      }
      st.lastSeen = d;
      if (s.type === 'location' && s.key.startsWith('p:')) {
        const labels = (st.labels ??= new Map());
        const n = (labels.get(s.label) ?? 0) + 1;
        labels.set(s.label, n);
        if (s.label !== st.s.label && n > (labels.get(st.s.label) ?? 0)) st.s = { ...st.s, label: s.label };
      }
      let b = st.buckets[st.buckets.length - 1];
      if (!b || b.day !== d) {
        b = { day: d, tickets: [], latest: 0, order: [], mergedTickets: 0, mergedPeople: 0 };
        st.buckets.push(b);
      }
      const prev = st.last.get(person);
      if (prev !== d) {
        b.order.push(person);
        ts.entries++;
        if (
          this.opts.intraday &&
          (s.type === 'respondent' || s.type === 'location') &&
          b.order.length >= this.opts.minComplainants[s.type]
        )
          grew.push(st);
        if (prev !== undefined) {
          const bs = st.buckets;
          for (let i = bs.length - 2; i >= 0; i--)
            if (bs[i]!.day === prev) {
              bs[i]!.latest--;
              break;
            }
        }
        st.last.set(person, d);
        b.latest++;
      }
      b.tickets.push(t.id);
      // topic alerts are named from their evidence texts (a bigram is often a fragment of the word people wrote);
      // a raise reads at most the first 60 of a window, so no bucket needs more
      if (s.type === 'topic' && (b.texts ??= []).length < 60) b.texts.push((text ??= ticketText(t).slice(0, 300)));
      // the share of one business is read only while a type is cold (concentration()), i.e. for days before
      // firstDay + warm-up + GUARD; later buckets never need it
      if (bizKey && (s.type === 'topic' || s.type === 'category') && !(d - ts.firstDay >= this.opts.warmupDays + GUARD))
        (b.biz ??= new Map()).set(bizKey, (b.biz.get(bizKey) ?? 0) + 1);
      ts.touched.add(st);
      const bit = TYPE_BIT[s.type];
      if (!(seenTypes & bit)) {
        seenTypes |= bit;
        ts.vol.set(d, (ts.vol.get(d) ?? 0) + 1);
        if (d < ts.firstDay) ts.firstDay = d;
        ts.volTotal++;
      }
    }
    if (!grew.length || this.closed) return closed;
    // Intraday: a business or place that has just gained its fifth (…) distinct person today is scanned at once, so
    // a dozen people about one gym within hours is alerted within minutes rather than at the day's close. The day's
    // close scans it again and grows the same event. Deterministic in the ticket order, so a replay and the live
    // server raise the same alerts.
    const res: DayResult = closed ?? { day: dayString(d), created: [], updated: [] };
    for (const st of grew) {
      const ts = this.types.get(st.s.type)!;
      const K = Math.max(10, ts.subjects.size);
      const p0 = (ts.volTotal > 0 ? ts.entries / ts.volTotal : 1) / K;
      this.graduate(st, d);
      const fire = scan(this.opts, ts, st, d, p0, K);
      if (fire) this.raise(st, d, { ...fire, intraday: true }, res);
    }
    this.settle();
    return res.created.length || res.updated.length || closed ? res : undefined;
  }

  /** Closes the open day: scans every subject touched today and returns the alerts created or extended. */
  closeDay(): DayResult {
    const D = this.current;
    const res: DayResult = { day: D === -Infinity ? '' : dayString(D), created: [], updated: [] };
    // Closing twice would count the day twice in the CUSUM; tickets arriving after the close still enter the history.
    if (D === -Infinity || this.closed) return res;
    this.closed = true;
    const h = this.opts.halfLifeDays;
    for (const ts of this.types.values()) {
      // Type-level history: graduate days that left the detail window.
      for (const [day, v] of ts.vol) {
        if (day <= D - GUARD) {
          ts.hist = decay(ts.hist, ts.histDay, day, h) + v;
          ts.histDay = Math.max(ts.histDay, day);
          ts.vol.delete(day);
        }
      }
    }
    this.openTopicEvents = this.openTopicEvents.filter((e) => e.lastDay >= D - this.opts.mergeGapDays);
    this.openRespondentEvents = this.openRespondentEvents.filter((e) => e.lastDay >= D - this.opts.mergeGapDays);
    for (const type of ['respondent', 'location', 'category', 'topic'] as SubjectType[]) {
      const ts = this.types.get(type)!;
      const K = Math.max(10, ts.subjects.size);
      const perTicket = ts.volTotal > 0 ? ts.entries / ts.volTotal : 1;
      const p0 = perTicket / K;
      const targets = type === 'category' && this.opts.cusumThreshold > 0 ? ts.subjects.values() : ts.touched.values();
      for (const st of targets) {
        this.graduate(st, D);
        const fire = scan(this.opts, ts, st, D, p0, K);
        const cus =
          type === 'category' && this.opts.cusumThreshold > 0 ? cusum(this.opts, ts, st, D, p0, K) : undefined;
        const best = fire && cus ? (fire.logp <= cus.logp ? fire : cus) : (fire ?? cus);
        if (best) this.raise(st, D, best, res);
      }
      ts.touched.clear();
    }
    this.settle();
    this.daysClosed++;
    if (this.daysClosed % 7 === 0) this.prune(D);
    return res;
  }

  /** The day tickets are being taken in for (YYYY-MM-DD), or null before the first ticket. */
  openDay(): string | null {
    return this.current === -Infinity ? null : dayString(this.current);
  }

  /** Closes the last open day (end of a replay); the same as closeDay(). */
  flush(): DayResult {
    return this.closeDay();
  }

  private graduate(st: SubjectState, D: number): void {
    while (st.buckets.length && st.buckets[0]!.day <= D - GUARD) {
      const b = st.buckets.shift()!;
      for (const p of b.order) if (st.last.get(p) === b.day) st.last.delete(p);
      st.hist = decay(st.hist, st.histDay, b.day, this.opts.halfLifeDays) + b.order.length;
      st.histDay = b.day;
    }
  }

  /** Writes the ticket lists of the alerts whose evidence grew: once per day or per ticket, not once per raise. */
  private settle(): void {
    for (const ev of this.dirty) ev.alert.ticket_ids = [...ev.tickets];
    this.dirty.clear();
  }

  private raise(st: SubjectState, D: number, f: Fire, res: DayResult): void {
    const gap = st.s.type === 'category' ? this.opts.categoryMergeGapDays : this.opts.mergeGapDays;
    if (st.absorbedInto && st.absorbedInto.lastDay >= D - gap) return;
    let ev = st.event && st.event.lastDay >= D - gap ? st.event : undefined;
    const topic = st.s.type === 'topic';
    // Only a topic needs the window's tickets, people and texts as sets of their own (for overlaps and its label);
    // a business or place is raised again at every new person of a busy day, so it merges incrementally below.
    const windowTickets = new Set<string>();
    const windowPeople = new Set<string>();
    const windowTexts: string[] = [];
    if (topic)
      for (const b of st.buckets) {
        if (b.day < f.start) continue;
        for (const t of b.tickets) windowTickets.add(t);
        for (const p of b.order) windowPeople.add(p);
        if (b.texts && windowTexts.length < 60) windowTexts.push(...b.texts.slice(0, 60 - windowTexts.length));
      }
    if (!ev && st.s.type === 'topic') {
      const overlap = (e: Event) => {
        let n = 0;
        for (const t of windowTickets) if (e.tickets.has(t)) n++;
        return n / Math.max(1, Math.min(windowTickets.size, e.tickets.size));
      };
      const resp = this.openRespondentEvents.find(
        (e) => overlap(e) >= 0.8 && e.tickets.size >= 0.8 * windowTickets.size,
      );
      if (resp) {
        (resp.keywords ??= new Set()).add(st.s.key);
        resp.alert.keywords = topicLabel([...resp.keywords], windowTexts, 6)
          .split(' ')
          .filter((w) => w);
        st.absorbedInto = resp;
        return;
      }
      ev = this.openTopicEvents.find((e) => overlap(e) >= 0.5);
      if (ev) {
        ev.keywords!.add(st.s.key);
        ev.texts = [...(ev.texts ?? []), ...windowTexts].slice(-80);
        ev.alert.subject.label = topicLabel([...ev.keywords!], ev.texts, 4) || ev.alert.subject.label;
      }
    }
    const p = Math.exp(f.logp);
    // a topic whose words are only boilerplate (特此投诉, 关于反映) or fragments is no concentrated demand
    const label = !ev && st.s.type === 'topic' ? topicLabel([st.s.key], windowTexts, 4) : '';
    if (!ev && st.s.type === 'topic' && !label) return;
    if (!ev) {
      const kind = st.s.type === 'respondent' || st.s.type === 'location' ? 'group_dispute' : 'concentrated_demand';
      ev = {
        alert: {
          kind,
          subject: { ...st.s },
          window_start: dayString(f.start),
          window_end: dayString(D),
          detected_at: dayString(D),
          count: 0,
          complainants: 0,
          expected: 0,
          score: 0,
          ticket_ids: [],
        },
        people: new Set(),
        tickets: new Set(),
        startDay: f.start,
        lastDay: D,
        bestLogP: 0,
        expPerDay: 0,
        ...(st.s.type === 'topic' ? { keywords: new Set([st.s.key]), texts: windowTexts } : {}),
      };
      if (st.s.type === 'topic') ev.alert.subject.label = label;
      if (f.intraday) ev.alert.intraday = true;
      this.allEvents.push(ev);
      res.created.push(ev.alert);
      if (st.s.type === 'topic') this.openTopicEvents.push(ev);
      // a topic that is only the words of a business's or a place's burst joins that alert as its keywords
      if (st.s.type === 'respondent' || st.s.type === 'location') this.openRespondentEvents.push(ev);
    } else if (!res.created.includes(ev.alert) && !res.updated.includes(ev.alert)) res.updated.push(ev.alert);
    st.event = ev;
    ev.startDay = Math.min(ev.startDay, f.start);
    ev.lastDay = D;
    if (topic) {
      for (const t of windowTickets) if (ev.tickets.size < this.opts.maxEvidence) ev.tickets.add(t);
      for (const q of windowPeople) ev.people.add(q);
    } else {
      // The same sets as adding every ticket and person of the window in order: what a day's bucket gave this event
      // before is already in it (or was left out at the evidence cap, which only fills), so only what is new is added.
      for (const b of st.buckets) {
        if (b.day < f.start) continue;
        if (b.merged !== ev) {
          b.merged = ev;
          b.mergedTickets = 0;
          b.mergedPeople = 0;
        }
        for (; b.mergedTickets < b.tickets.length; b.mergedTickets++)
          if (ev.tickets.size < this.opts.maxEvidence) ev.tickets.add(b.tickets[b.mergedTickets]!);
        for (; b.mergedPeople < b.order.length; b.mergedPeople++) ev.people.add(b.order[b.mergedPeople]!);
      }
    }
    if (f.logp < ev.bestLogP) {
      ev.bestLogP = f.logp;
      ev.expPerDay = f.expected / (D - f.start + 1);
      const a = ev.alert;
      a.score = round(-f.logp / Math.LN10, 2);
      a.p_value = Number(p.toPrecision(3));
      a.recurrence_days = Number((1 / Math.max(p * f.K, 1e-300)).toPrecision(3));
      a.recurrence_subject_years = Number((1 / Math.max(p, 1e-300) / 365.25).toPrecision(3));
      a.detector = f.detector;
      a.baseline = f.cold ? 'cold' : 'history';
      a.peak_window = {
        start: dayString(f.start),
        end: dayString(D),
        complainants: f.count,
        expected: round(f.expected, 3),
      };
    }
    const a = ev.alert;
    a.window_start = dayString(ev.startDay);
    a.window_end = dayString(D);
    a.last_alert_at = dayString(D);
    a.count = ev.tickets.size;
    a.complainants = ev.people.size;
    a.expected = round(ev.expPerDay * (D - ev.startDay + 1), 3);
    this.dirty.add(ev);
  }

  /** Bounded memory: forget subjects that have gone quiet and whose remembered history has faded. */
  private prune(D: number): void {
    for (const ts of this.types.values()) {
      for (const [k, st] of ts.subjects) {
        if (st.lastSeen > D - GUARD) continue;
        if (st.event && st.event.lastDay >= D - Math.max(this.opts.mergeGapDays, this.opts.categoryMergeGapDays))
          continue;
        this.graduate(st, D);
        const H = decay(st.hist, st.histDay, D, this.opts.halfLifeDays);
        if (H < 0.5 || st.lastSeen < D - 400) ts.subjects.delete(k);
      }
    }
  }

  /** Every event raised so far (alerts merged per subject), in the order they were first raised. */
  events(): MineAlert[] {
    this.settle();
    return this.allEvents.map((e) => e.alert);
  }

  stats(): { subjects: Record<string, number>; documents: number; ticketsSeen: number; discounted: number } {
    const subjects: Record<string, number> = {};
    for (const [k, ts] of this.types) subjects[k] = ts.subjects.size;
    return {
      subjects,
      documents: this.topics.documents,
      ticketsSeen: this.ticketsSeen,
      discounted: this.ticketsDiscounted,
    };
  }
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
