/**
 * Similar cases (类案推送) served from an in-memory index of past tickets, filled from the database in the background
 * at start and kept current as tickets arrive. Results carry how each past case ended and on what legal basis.
 */
import type { Db } from '../../platform/db/index.js';
import { SimilarIndex } from '../text/index.js';
import { assistRepo } from './repository.js';

/**
 * The warm-up shares the event loop with the API (on the embedded database also with PGlite): pages of 5,000 texts
 * indexed in one go held every request for ~4 s each at 200k tickets, so it reads smaller pages and yields between
 * slices of texts, keeping each synchronous stretch to tens of milliseconds.
 */
const PAGE = 1000;
const SLICE = 200;
const yieldToRequests = () => new Promise<void>((r) => setImmediate(r));

export class SimilarService {
  readonly index = new SimilarIndex();
  private warming: Promise<void> | null = null;
  ready = false;

  constructor(private readonly db: Db) {}

  /** Loads past tickets in pages; queries work (on what is loaded) while it runs. */
  warm(limit = 1_000_000): Promise<void> {
    this.warming ??= (async () => {
      let after: string | undefined;
      let n = 0;
      for (;;) {
        const rows = await assistRepo.textsForIndex(this.db, PAGE, after);
        if (!rows.length) break;
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i]!;
          this.add(r.id, `${r.title ?? ''}。${r.body ?? ''}`, r.respondent_name ?? undefined);
          if (i % SLICE === SLICE - 1) await yieldToRequests();
        }
        n += rows.length;
        after = rows[rows.length - 1]!.id;
        if (n >= limit) break;
        await yieldToRequests();
      }
      this.ready = true;
    })();
    return this.warming;
  }

  add(id: string, text: string, respondent?: string): void {
    if (text.trim().length < 2) return;
    this.index.add({ id, text, ...(respondent ? { respondent } : {}) });
  }

  async similarTo(
    t: { id: string; title: string | null; body: string | null; respondent_name: string | null },
    k = 10,
  ) {
    const hits = this.index.query({
      text: `${t.title ?? ''}。${t.body ?? ''}`,
      ...(t.respondent_name ? { respondent: t.respondent_name } : {}),
      k,
      exclude: [t.id],
    });
    const rows = new Map(
      (
        await assistRepo.casesByIds(
          this.db,
          hits.map((h) => h.id),
        )
      ).map((r) => [r.id, r]),
    );
    return hits
      .filter((h) => rows.has(h.id))
      .map((h) => {
        const r = rows.get(h.id)!;
        return {
          id: r.id,
          no: r.no,
          kind: r.kind,
          title: r.title,
          excerpt: r.body,
          respondent_name: r.respondent_name,
          received_date: r.received_date,
          status: r.status,
          outcome: r.outcome,
          legal_basis: r.legal_basis,
          closed_at: r.closed_at,
          score: Math.round(h.score * 1000) / 1000,
          why: h.why,
          shared_keywords: h.shared_keywords,
          same_business: h.same_business,
          near_identical: h.near_identical,
          unit_id: r.unit_id,
          district_code: r.district_code,
          odr_key: r.odr_key,
        };
      });
  }
}
