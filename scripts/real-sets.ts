/**
 * The real labelled sets of ../shared/data and how each becomes one single-label task (`labels.y`), shared by
 * scripts/eval-classify.ts and scripts/train-default-models.ts so both see exactly the same examples.
 */
import type { TifTicket } from '../shared/tif.js';
import { isHeldOut } from '../server/modules/text/index.js';

export interface RealSet {
  name: string;
  file: string;
  /** the gold class of a ticket, or undefined to leave it out */
  label: (t: TifTicket) => string | undefined;
  /** keep a deterministic share of a very large set (by hash of id) */
  samplePercent?: number;
}

const lab = (k: string) => (t: TifTicket) => {
  const v = t.labels?.[k];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
};

export const REAL_SETS: RealSet[] = [
  { name: 'online-shopping-product', file: 'online-shopping.tif.jsonl.gz', label: lab('product') },
  { name: 'online-shopping-sentiment', file: 'online-shopping.tif.jsonl.gz', label: lab('sentiment') },
  { name: 'waimai-sentiment', file: 'waimai.tif.jsonl.gz', label: lab('sentiment') },
  { name: 'fuzhou-12345-kind', file: 'fuzhou-12345.tif.jsonl.gz', label: lab('kind') },
  // 车质网 problem codes are multi-label (B84, H155,M279 …); the letter of the first code is the system (A engine,
  // B gearbox, H body fittings & electrics …). Rows whose field holds a status word instead of codes are left out.
  {
    name: 'car-complaints-problem',
    file: 'car-complaints.tif.jsonl.gz',
    label: (t) => /^([A-Z])\d+/.exec(t.labels?.problem_codes ?? '')?.[1],
  },
  { name: 'car-complaints-series', file: 'car-complaints.tif.jsonl.gz', label: lab('series') },
  {
    name: 'tx-insurance-complaint_type',
    file: 'tx-insurance.tif.jsonl.gz',
    label: lab('complaint_type'),
    samplePercent: 15,
  },
  {
    name: 'tx-insurance-coverage_type',
    file: 'tx-insurance.tif.jsonl.gz',
    label: lab('coverage_type'),
    samplePercent: 15,
  },
  { name: 'cfpb-product', file: 'cfpb-samples.tif.jsonl.gz', label: lab('product') },
  { name: 'cfpb-issue', file: 'cfpb-samples.tif.jsonl.gz', label: lab('issue') },
  // 黑猫 problem tags are a list; the first tag is the one the consumer chose first
  {
    name: 'heimao-problem',
    file: 'heimao-furnishing.tif.jsonl.gz',
    label: (t) => t.labels?.problem?.split(/[,，]/)[0]?.trim() || undefined,
  },
];

export const MIN_CLASS = 10;

/** Tickets of a set with `labels.y`, readable fields only, classes with ≥ MIN_CLASS examples. */
export function prepareSet(tickets: TifTicket[], spec: RealSet): TifTicket[] {
  const out: TifTicket[] = [];
  for (const t of tickets) {
    if (spec.samplePercent && !isHeldOut(`sample:${t.id}`, spec.samplePercent)) continue;
    if (!(t.title || t.text || t.respondent?.name || t.channel)) continue; // nothing a classifier could read
    const y = spec.label(t);
    if (y) out.push({ ...t, labels: { ...t.labels, y } });
  }
  const n = new Map<string, number>();
  for (const t of out) n.set(t.labels!.y!, (n.get(t.labels!.y!) ?? 0) + 1);
  return out.filter((t) => n.get(t.labels!.y!)! >= MIN_CLASS);
}
