/**
 * How ticket volume moves through the year: fewer at weekends and on public holidays, a deep Spring Festival dip,
 * a 3·15 bump, and e-commerce peaks after 618 and 双11 (complaints follow deliveries by a week or two).
 */
import { calendar } from '../../../platform/calendar/index.js';
import { dayNum, isoOf } from './formats.js';

const bump = (iso: string, month: number, day: number, width: number, height: number): number => {
  const y = +iso.slice(0, 4);
  const d = dayNum(iso) - Date.UTC(y, month - 1, day) / 86_400_000;
  return height * Math.exp(-(d * d) / (2 * width * width));
};

/** Multiplier on the share of online purchases around the shopping festivals. */
export function ecomFactor(iso: string): number {
  return 1 + bump(iso, 6, 24, 6, 0.5) + bump(iso, 11, 17, 7, 0.7);
}

export function dayWeight(iso: string): number {
  const cal = calendar();
  const wd = new Date(dayNum(iso) * 86_400_000).getUTCDay();
  let w = [0.72, 1.18, 1.08, 1.05, 1.04, 0.98, 0.78][wd]!;
  if (cal.covers(+iso.slice(0, 4))) {
    const h = cal.holidayName(iso);
    if (h === '春节') w = 0.35;
    else if (h) w = 0.62;
    else if (wd === 0 || wd === 6) {
      if (cal.isWorkday(iso)) w = 0.95; // 调休 make-up working day
    }
  }
  // the fortnight before Spring Festival empties the city; Spring Festival itself is found through the calendar
  w *= 1 + bump(iso, 3, 15, 2.5, 0.55) + bump(iso, 3, 16, 8, 0.15);
  w *= 1 + bump(iso, 6, 24, 6, 0.25) + bump(iso, 11, 17, 7, 0.35) + bump(iso, 7, 25, 20, 0.08);
  return w;
}

/** Weights for `days` consecutive days ending on `end`. */
export function dayWeights(end: string, days: number): { dates: string[]; weights: number[] } {
  const last = dayNum(end);
  const dates: string[] = [];
  const weights: number[] = [];
  const cal = calendar();
  for (let i = days - 1; i >= 0; i--) dates.push(isoOf(last - i));
  for (const iso of dates) {
    let w = dayWeight(iso);
    // lunar new year: days around the holiday are also quiet (people away from Shanghai)
    for (let k = 1; k <= 7; k++) {
      const nearby =
        cal.covers(+iso.slice(0, 4)) &&
        (cal.holidayName(isoOf(dayNum(iso) + k)) === '春节' || cal.holidayName(isoOf(dayNum(iso) - k)) === '春节');
      if (nearby) {
        w *= 0.6 + 0.05 * k;
        break;
      }
    }
    weights.push(w);
  }
  return { dates, weights };
}

/** Splits `total` into integer counts proportional to weights (largest remainder), summing exactly to total. */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (sum > 0 ? (w / sum) * total : 0));
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
  return out;
}
