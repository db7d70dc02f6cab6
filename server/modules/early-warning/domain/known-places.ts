/**
 * Estates the history has already named, found again where a resident writes the bare name with nothing around it
 * that marks it as a place: "投诉融侨锦江车位捆绑销售" after others wrote "融侨锦江小区" or "融侨锦江业主". Read on
 * its own such a text names no estate, so a group's later posts fell out of its count (the fuzhou 57-people injected
 * burst: one text in four).
 *
 * Learned online from the tickets already seen, in the order the detector reads them (a back-dated ticket makes the
 * live detector replay), so `xiezhi mine` and the server learn the same names. Only estate names of three or more
 * Han characters are kept: a two-character stem (鼓山, 金山) names a district or a road as often as an estate.
 */
import type { Place } from './places.js';

interface Known {
  stem: string;
  key: string;
}

const STEM = /^[\u4e00-\u9fa5]{3,12}$/u;

export class KnownEstates {
  /** by the stem's first two characters (as one number: no string per position of a text), matched in one pass */
  private byHead = new Map<number, Known[]>();
  private keys = new Set<string>();

  /** Bounded: past `max` names nothing new is learned (an estate named that rarely will not make a group). */
  constructor(private readonly max = 200_000) {}

  get size(): number {
    return this.keys.size;
  }

  learn(places: readonly Place[]): void {
    for (const p of places) {
      if (p.kind !== 'estate' || this.keys.has(p.key) || !STEM.test(p.key)) continue;
      if (this.keys.size >= this.max) return;
      this.keys.add(p.key);
      const head = (p.key.charCodeAt(0) << 16) | p.key.charCodeAt(1);
      const list = this.byHead.get(head);
      const k = { stem: p.key, key: p.key };
      if (list) list.push(k);
      else this.byHead.set(head, [k]);
    }
  }

  /**
   * Known estates written in `text` that `found` (what the text itself marks as places) does not already hold — the
   * longest stem at each position, none inside a name already found (阳光城 inside 阳光城翡丽湾).
   */
  find(text: string, found: readonly Place[], max = 2): Place[] {
    if (this.keys.size === 0 || !text) return [];
    const s = text.length > 400 ? text.slice(0, 400) : text;
    const out: Place[] = [];
    for (let i = 0; i + 3 <= s.length && out.length < max; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x4e00 || c > 0x9fa5) continue;
      const list = this.byHead.get((c << 16) | s.charCodeAt(i + 1));
      if (!list) continue;
      let best: Known | undefined;
      for (const k of list) if ((!best || k.stem.length > best.stem.length) && s.startsWith(k.stem, i)) best = k;
      if (!best) continue;
      const b = best;
      if (!found.some((p) => p.key === b.key || p.name.includes(b.stem)) && !out.some((p) => p.key === b.key))
        out.push({ kind: 'estate', name: b.stem, key: b.key }); // named as this text writes it
      i += b.stem.length - 1;
    }
    return out;
  }
}
