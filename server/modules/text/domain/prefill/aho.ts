/**
 * Aho-Corasick automaton over UTF-16 code units: every pattern occurrence in one left-to-right pass, whatever the
 * number of patterns (a bureau's registry holds tens of thousands of business names; regex alternation would rescan).
 * Transitions from the root sit in a dense table, the rest in one Map keyed by state × 65536 + code unit while building,
 * then in an open-addressing hash table of typed arrays for matching (a Map with keys past the small-integer range
 * hashed a boxed number per character and was most of the matcher's time).
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
  // the non-root transitions for matching: (state, code unit) → state, linear probing; state -1 marks a free slot
  private hState: Int32Array = new Int32Array(1).fill(-1);
  private hCode: Int32Array = new Int32Array(1);
  private hNext: Int32Array = new Int32Array(1);
  private hMask = 0;

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
    let cap = 1;
    while (cap < 2 * this.next.size) cap *= 2;
    this.hState = new Int32Array(cap).fill(-1);
    this.hCode = new Int32Array(cap);
    this.hNext = new Int32Array(cap);
    this.hMask = cap - 1;
    for (const [k, t] of this.next) {
      const st = Math.floor(k / 65536);
      const c = k % 65536;
      let h = (Math.imul(st, 0x9e3779b1) ^ c) & this.hMask;
      while (this.hState[h] !== -1) h = (h + 1) & this.hMask;
      this.hState[h] = st;
      this.hCode[h] = c;
      this.hNext[h] = t;
    }
  }

  /** `step` for matching, from the typed table (same transitions as `next`). */
  private go(s: number, c: number): number {
    if (s === 0) return this.root[c]!;
    const mask = this.hMask;
    for (let h = (Math.imul(s, 0x9e3779b1) ^ c) & mask; ; h = (h + 1) & mask) {
      const x = this.hState[h]!;
      if (x === -1) return -1;
      if (x === s && this.hCode[h] === c) return this.hNext[h]!;
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
      let t = this.go(st, c);
      while (t < 0 && st !== 0) {
        st = this.fail[st]!;
        t = this.go(st, c);
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
