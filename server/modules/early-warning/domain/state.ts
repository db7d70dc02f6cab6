/** What the engine keeps per subject and per subject type (engine.ts owns it; detectors.ts reads it). */
import type { MineAlert } from '../../../../shared/tif.js';
import type { Subject, SubjectType } from './subjects.js';

export const GUARD = 14; // days kept in detail; history starts before them, so a window never sits in its own baseline

/** One day of one subject. `latest` counts the people whose most recent ticket on this subject is on this day. */
export interface Bucket {
  day: number;
  tickets: string[];
  latest: number;
  biz?: Map<string, number>;
  texts?: string[];
  /**
   * The day's distinct people in arrival order. "Seen today?" is answered by the subject's `last` map (a person is in
   * today's bucket exactly when their last day is today), so a bucket needs no Set of its own — most buckets hold one
   * person, and a Set per subject and day was much of the replay's garbage.
   */
  order: string[];
  /** The event this day was last merged into, and how many of its tickets and people that event already holds. */
  merged?: Event;
  mergedTickets: number;
  mergedPeople: number;
}

/** One warning event: a run of alerts on one subject, merged while they keep firing. */
export interface Event {
  alert: MineAlert;
  people: Set<string>;
  tickets: Set<string>;
  startDay: number;
  lastDay: number;
  bestLogP: number;
  expPerDay: number;
  keywords?: Set<string>;
  texts?: string[];
}

export interface SubjectState {
  s: Subject;
  buckets: Bucket[];
  hist: number;
  histDay: number;
  lastSeen: number;
  event?: Event;
  absorbedInto?: Event;
  cusum: number;
  cusumStart: number;
  /** person → last day seen, for the detail window: distinct counts over any window without re-scanning sets. */
  last: Map<string, number>;
  /** Spellings of a text-named place (融侨锦江 / 融侨锦江小区 share a key), so it is named as most people write it. */
  labels?: Map<string, number>;
}

export interface TypeState {
  type: SubjectType;
  subjects: Map<string, SubjectState>;
  vol: Map<number, number>;
  hist: number;
  histDay: number;
  entries: number;
  volTotal: number;
  touched: Set<SubjectState>;
  firstDay: number;
}

export const TYPE_BIT: Record<SubjectType, number> = { respondent: 1, location: 2, category: 4, topic: 8 };

/** A detector's verdict for one subject on one day. */
export interface Fire {
  logp: number;
  start: number;
  count: number;
  expected: number;
  detector: 'scan' | 'nb-cusum';
  K: number;
  cold: boolean;
  intraday?: boolean;
}
