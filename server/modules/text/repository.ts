/** SQL of the text module: the bureau's registry of respondents (businesses already seen in its tickets). */
import type { Queryable } from '../../platform/db/index.js';

export const textRepo = {
  /** Distinct respondent names with their ticket counts, most seen first. */
  async respondentNames(q: Queryable, limit = 200_000): Promise<{ name: string; tickets: number }[]> {
    const r = await q.query<{ name: string; tickets: string | number }>(
      `SELECT respondent_name AS name, count(*) AS tickets FROM tickets
       WHERE respondent_name IS NOT NULL AND length(respondent_name) BETWEEN 2 AND 60
       GROUP BY respondent_name ORDER BY count(*) DESC, respondent_name LIMIT $1`,
      [limit],
    );
    return r.rows.map((x) => ({ name: x.name, tickets: Number(x.tickets) }));
  },
};
