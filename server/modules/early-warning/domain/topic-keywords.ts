/**
 * Topic keywords: character bigrams (robust to Chinese segmentation errors: 异响 and B柱 survive where a word
 * segmenter splits them) and Latin words. Document frequencies are learned online from the tickets already seen,
 * so the choice of keywords never looks ahead. A ticket keeps the `perTicket` rarest keywords that have been seen
 * before and are not stop-word-like (in more than `maxDf` of tickets); bigrams of the business's own name are dropped
 * because the business is already a subject of its own.
 */
export class TopicKeywords {
  /** Document frequencies in a fixed table of hashed counters (bounded memory; rare collisions only inflate a count). */
  private df = new Uint32Array(1 << 21);
  private docs = 0;
  private excludeCache = new Map<string, Map<string, Set<number>>>();
  private excludeCount = 0;
  constructor(
    private readonly perTicket = 4,
    private readonly maxDf = 0.02,
  ) {
    this.best = new Float64Array(perTicket);
    this.atA = new Int32Array(perTicket);
    this.atB = new Int32Array(perTicket);
    this.atLower = new Uint8Array(perTicket);
  }

  /**
   * The keyword candidates of a text as (hash, start, end) triples over the folded text, without building strings:
   * Han bigrams, a short Latin code glued to a Han character (B柱), and Latin words of 3+ letters. Only the few
   * keywords finally chosen are turned into strings — this is the hot loop of the whole engine.
   */
  static scan(text: string, each: (h: number, s: string, start: number, end: number, lower: boolean) => void): void {
    const s = /[\u3000\uff00-\uffef]/.test(text) ? text.normalize('NFKC') : text;
    let prevStart = -1;
    let prevKind = 0; // 1 Han, 2 Latin word, 3 number
    let prevLen = 0;
    let i = 0;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      const start = i;
      let kind: number;
      if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) {
        kind = 1;
        i++;
      } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        i++;
        for (
          let d = s.charCodeAt(i);
          (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57);
          d = s.charCodeAt(++i)
        );
        kind = 2;
        if (i - start >= 3 && !EN_STOP.has(s.slice(start, i).toLowerCase()))
          each(hashRange(s, start, i), s, start, i, true);
      } else if (c >= 48 && c <= 57) {
        i++;
        for (let d = s.charCodeAt(i); d >= 48 && d <= 57; d = s.charCodeAt(++i));
        kind = 3;
      } else {
        prevStart = -1;
        prevKind = 0;
        i++;
        continue;
      }
      const len = i - start;
      if (prevStart >= 0 && kind !== 3 && prevKind !== 3 && (kind === 1 || prevKind === 1) && prevLen + len <= 4) {
        each(hashRange(s, prevStart, i), s, prevStart, i, kind === 2 || prevKind === 2);
      }
      prevStart = start;
      prevKind = kind;
      prevLen = len;
    }
  }

  /** The keyword strings of a text (for tests and tools; the engine itself works on hashes). */
  static units(text: string): string[] {
    const out = new Set<string>();
    TopicKeywords.scan(text, (_h, s, a, b, lower) => out.add(lower ? s.slice(a, b).toLowerCase() : s.slice(a, b)));
    return [...out];
  }

  /**
   * The keyword hashes of a business's name (`head + tail`: the normalised key and the name as written). Cached in two
   * levels so that the pair is looked up without building the joined string for every ticket.
   */
  private excluded(head: string, tail: string): Set<number> {
    let byTail = this.excludeCache.get(head);
    let e = byTail?.get(tail);
    if (!e) {
      if (this.excludeCount > 200_000) {
        this.excludeCache.clear();
        this.excludeCount = 0;
        byTail = undefined;
      }
      e = new Set();
      const set = e;
      TopicKeywords.scan(head + tail, (h) => set.add(h));
      if (!byTail) this.excludeCache.set(head, (byTail = new Map()));
      byTail.set(tail, e);
      this.excludeCount++;
    }
    return e;
  }

  /**
   * Picks this ticket's keywords, then learns from it. The choice is a MinHash: for each of `perTicket` hash
   * functions the keyword is the candidate with the smallest hash, so two tickets whose keyword sets have Jaccard
   * similarity J share each keyword with probability J — similar texts land on the same topic subjects whatever
   * business they name, without any clustering pass. Stop-word-like bigrams (in more than `maxDf` of tickets, once
   * 2,000 were seen) and bigrams of the business's own name are left out first.
   */
  take(text: string, exclude: string, excludeTail = ''): string[] {
    this.limit = this.docs < 2000 ? Infinity : this.docs * this.maxDf;
    this.ex = exclude || excludeTail ? this.excluded(exclude, excludeTail) : undefined;
    this.n = 0;
    // A fresh stamp empties the "seen" table; the best-so-far slots start empty.
    if (++this.stamp === 0xffffffff) {
      this.seenStamp.fill(0);
      this.stamp = 1;
    }
    this.seenCount = 0;
    this.best.fill(Infinity);
    this.atA.fill(-1);
    TopicKeywords.scan(text.length > 240 ? text.slice(0, 240) : text, this.visit);
    this.docs++;
    this.ex = undefined;
    const s = this.atS;
    this.atS = '';
    if (this.n < 2) return [];
    const out = new Set<string>();
    for (let k = 0; k < this.perTicket; k++) {
      const a = this.atA[k]!;
      if (a < 0) continue;
      const w = s.slice(a, this.atB[k]!);
      out.add(this.atLower[k] ? w.toLowerCase() : w);
    }
    return [...out];
  }

  /*
   * The per-candidate step of take(), as one bound method with its state in fields: the replay calls it for every
   * bigram of every ticket, and a closure, a Set and an object per candidate per ticket were much of its garbage.
   * "Seen in this text" is an exact set of 32-bit hashes (open addressing, stamped per text), as the Set was.
   */
  private limit = Infinity;
  private ex: Set<number> | undefined;
  private n = 0;
  private stamp = 0;
  private seenHash = new Uint32Array(1024);
  private seenStamp = new Uint32Array(1024);
  private seenCount = 0;
  private readonly best: Float64Array;
  private readonly atA: Int32Array;
  private readonly atB: Int32Array;
  private readonly atLower: Uint8Array;
  private atS = '';
  private readonly visit = (h: number, s: string, a: number, b: number, lower: boolean): void => {
    if (!this.seenInsert(h)) return;
    const slot = h & (this.df.length - 1);
    const f = this.df[slot]!;
    this.df[slot] = f + 1;
    if (f > this.limit || this.ex?.has(h)) return;
    this.n++;
    for (let k = 0; k < this.perTicket; k++) {
      const seed = SEEDS[k % SEEDS.length]!;
      const v = (Math.imul(h ^ seed, 0x9e3779b1) >>> 0) ^ (seed >>> 3);
      if (v < this.best[k]!) {
        this.best[k] = v;
        this.atA[k] = a;
        this.atB[k] = b;
        this.atLower[k] = lower ? 1 : 0;
        this.atS = s;
      }
    }
  };

  /** Adds h to this text's seen set; false when it was there already. Grows (rarely: NFKC can lengthen a text). */
  private seenInsert(h: number): boolean {
    const mask = this.seenHash.length - 1;
    let i = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      if (this.seenStamp[i] !== this.stamp) break;
      if (this.seenHash[i] === h) return false;
      i = (i + 1) & mask;
    }
    this.seenStamp[i] = this.stamp;
    this.seenHash[i] = h;
    if (++this.seenCount * 2 > this.seenHash.length) {
      const oldHash = this.seenHash;
      const oldStamp = this.seenStamp;
      this.seenHash = new Uint32Array(oldHash.length * 2);
      this.seenStamp = new Uint32Array(oldHash.length * 2);
      const m = this.seenHash.length - 1;
      for (let j = 0; j < oldHash.length; j++) {
        if (oldStamp[j] !== this.stamp) continue;
        let k = (Math.imul(oldHash[j]!, 0x9e3779b1) >>> 0) & m;
        while (this.seenStamp[k] === this.stamp) k = (k + 1) & m;
        this.seenStamp[k] = this.stamp;
        this.seenHash[k] = oldHash[j]!;
      }
    }
    return true;
  }

  get documents(): number {
    return this.docs;
  }
}

/** FNV-1a over a range of the string, case-folded for ASCII letters (so "Claim" and "claim" are one keyword). */
function hashRange(s: string, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

const SEEDS = [0x1b873593, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1, 0xd3a2646c, 0xfd7046c5, 0xb55a4f09];

const EN_STOP = new Set(
  'the and for with that this from was were have has had not but are you your our they their them his her its into about over after before than then there what when which who will would could should been being also only very just more most other some such any all can may one two out off per via'.split(
    ' ',
  ),
);
