/**
 * Aho-Corasick automaton over UTF-16 code units: every pattern occurrence in one left-to-right pass, whatever the
 * number of patterns (a bureau's registry holds tens of thousands of business names; regex alternation would rescan).
 * Transitions from the root sit in a dense table, the rest in one Map keyed by state × 65536 + code unit.
 */

export interface AcMatch {
  /** index of the pattern in the constructor's list */
  pattern: number;
  start: number;
  end: number;
}

export class AhoCorasick {
  private readonly root = new Int32Array(65536).fill(-1);
  private readonly next = new Map<number, number>();
  private fail: Int32Array = new Int32Array(1);
  /** pattern index ending at a state (-1: none) */
  private out: Int32Array = new Int32Array(1);
  /** nearest state on the failure chain that ends a pattern (-1: none) */
  private dict: Int32Array = new Int32Array(1);
  private readonly lens: number[] = [];
  private states = 1;

  constructor(patterns: readonly string[]) {
    const outs: number[] = [-1];
    patterns.forEach((p, idx) => {
      this.lens.push(p.length);
      if (!p) return;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let t = s === 0 ? this.root[c]! : (this.next.get(s * 65536 + c) ?? -1);
        if (t < 0) {
          t = this.states++;
          outs.push(-1);
          if (s === 0) this.root[c] = t;
          else this.next.set(s * 65536 + c, t);
        }
        s = t;
      }
      if (outs[s] === -1) outs[s] = idx; // duplicates: the first pattern wins
    });
    this.out = Int32Array.from(outs);
    this.fail = new Int32Array(this.states);
    this.dict = new Int32Array(this.states).fill(-1);
    // breadth-first failure links
    const children = new Map<number, [number, number][]>();
    for (const [k, t] of this.next) {
      const s = Math.floor(k / 65536);
      let arr = children.get(s);
      if (!arr) children.set(s, (arr = []));
      arr.push([k % 65536, t]);
    }
    const queue: number[] = [];
    for (let c = 0; c < 65536; c++) {
      const t = this.root[c]!;
      if (t >= 0) {
        this.fail[t] = 0;
        queue.push(t);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      for (const [c, t] of children.get(s) ?? []) {
        let f = this.fail[s]!;
        let g = this.step(f, c);
        while (g < 0 && f !== 0) {
          f = this.fail[f]!;
          g = this.step(f, c);
        }
        this.fail[t] = g < 0 ? 0 : g;
        const ft = this.fail[t]!;
        this.dict[t] = this.out[ft]! >= 0 ? ft : this.dict[ft]!;
        queue.push(t);
      }
    }
  }

  private step(s: number, c: number): number {
    return s === 0 ? this.root[c]! : (this.next.get(s * 65536 + c) ?? -1);
  }

  get size(): number {
    return this.lens.length;
  }

  /** All occurrences (overlapping ones included), in order of their end. */
  matches(s: string): AcMatch[] {
    const found: AcMatch[] = [];
    let st = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      let t = this.step(st, c);
      while (t < 0 && st !== 0) {
        st = this.fail[st]!;
        t = this.step(st, c);
      }
      st = t < 0 ? 0 : t;
      if (st === 0) continue;
      let o = this.out[st]! >= 0 ? st : this.dict[st]!;
      while (o >= 0) {
        const p = this.out[o]!;
        found.push({ pattern: p, start: i + 1 - this.lens[p]!, end: i + 1 });
        o = this.dict[o]!;
      }
    }
    return found;
  }
}
