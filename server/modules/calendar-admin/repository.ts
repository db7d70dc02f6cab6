import type { Queryable } from '../../platform/db/index.js';
import type { CalendarYear } from '../../platform/calendar/index.js';

export const calendarRepo = {
  async upsertYear(q: Queryable, year: number, data: CalendarYear, by: string): Promise<void> {
    await q.query(
      `INSERT INTO calendar_overrides (year, data, updated_by) VALUES ($1, $2::jsonb, $3)
      ON CONFLICT (year) DO UPDATE SET data = EXCLUDED.data, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [year, JSON.stringify(data), by],
    );
  },
  async years(q: Queryable) {
    return (
      await q.query<{ year: number; data: CalendarYear }>('SELECT year, data FROM calendar_overrides ORDER BY year')
    ).rows;
  },
};
