/** SQL of the abnormal list: entries with their due-process record, imports, and the tickets/persons behind them. */
import type { Queryable } from '../../platform/db/index.js';

export interface EntryRow {
  id: string;
  person_key: string;
  district_code: string | null;
  state: string;
  score: number;
  criteria: { code: string; label: string; evidence: string; evidence_en?: string }[];
  entry: Record<string, unknown>;
  ticket_ids: string[];
  display: Record<string, string> | null;
  expires_at: string | null;
  created_at: Date;
  updated_at: Date;
}
export interface ProceedingRow {
  ticket_id: string;
  id: string;
  kind: string;
  filed_on: string;
  result: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
}
const PCOLS = `ticket_id, id, kind, filed_on::text AS filed_on, result, note, recorded_by, recorded_at`;
const COLS = `id, person_key, district_code, state, score, criteria, entry, ticket_ids, display, expires_at::text AS expires_at, created_at, updated_at`;

export const abnormalRepo = {
  async insert(q: Queryable, e: Omit<EntryRow, 'created_at' | 'updated_at'>): Promise<void> {
    await q.query(
      `INSERT INTO abnormal_entries (id, person_key, district_code, state, score, criteria, entry, ticket_ids, display, expires_at)
      VALUES ($1,$2,$3,$4,$5,$6::jsonb,$7::jsonb,$8::text[],$9::jsonb,$10)`,
      [
        e.id,
        e.person_key,
        e.district_code,
        e.state,
        e.score,
        JSON.stringify(e.criteria),
        JSON.stringify(e.entry),
        e.ticket_ids,
        JSON.stringify(e.display),
        e.expires_at,
      ],
    );
  },
  async update(
    q: Queryable,
    id: string,
    state: string,
    entry: unknown,
    criteria: unknown,
    expiresAt: string | null,
  ): Promise<void> {
    await q.query(
      'UPDATE abnormal_entries SET state = $2, entry = $3::jsonb, criteria = $4::jsonb, expires_at = $5, updated_at = now() WHERE id = $1',
      [id, state, JSON.stringify(entry), JSON.stringify(criteria), expiresAt],
    );
  },
  async get(q: Queryable, id: string): Promise<EntryRow | undefined> {
    return (await q.query<EntryRow>(`SELECT ${COLS} FROM abnormal_entries WHERE id = $1`, [id])).rows[0];
  },
  /** The entry whose id (without dashes) starts with these 8 hex digits — how a notice number leads back to it. */
  async byIdPrefix(q: Queryable, prefix: string): Promise<EntryRow | undefined> {
    return (
      await q.query<EntryRow>(
        `SELECT ${COLS} FROM abnormal_entries WHERE replace(id, '-', '') LIKE $1 || '%' ORDER BY created_at DESC LIMIT 1`,
        [prefix],
      )
    ).rows[0];
  },
  async latestForPerson(q: Queryable, personKey: string): Promise<EntryRow | undefined> {
    return (
      await q.query<EntryRow>(
        `SELECT ${COLS} FROM abnormal_entries WHERE person_key = $1 ORDER BY created_at DESC LIMIT 1`,
        [personKey],
      )
    ).rows[0];
  },
  async activePersons(q: Queryable): Promise<Set<string>> {
    return new Set(
      (
        await q.query<{ person_key: string }>(
          `SELECT person_key FROM abnormal_entries WHERE state NOT IN ('rejected','removed','expired')`,
        )
      ).rows.map((r) => r.person_key),
    );
  },
  /** Persons among `keys` whose listing is in force on `today` (the process clock's date, not the database's). */
  async listedAmong(q: Queryable, keys: string[], today: string): Promise<Set<string>> {
    if (!keys.length) return new Set();
    return new Set(
      (
        await q.query<{ person_key: string }>(
          `SELECT person_key FROM abnormal_entries WHERE person_key = ANY($1::text[]) AND state IN ('listed','notified','appealed','corrected') AND (expires_at IS NULL OR expires_at > $2::date)`,
          [keys, today],
        )
      ).rows.map((r) => r.person_key),
    );
  },
  async list(
    q: Queryable,
    f: { state?: string; district?: string | null; states?: string[]; limit: number; offset: number },
  ) {
    const where = `($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR district_code = $2) AND ($3::text[] IS NULL OR state = ANY($3::text[]))`;
    const p = [f.state ?? null, f.district ?? null, f.states ?? null];
    const rows = (
      await q.query<EntryRow>(
        `SELECT ${COLS} FROM abnormal_entries WHERE ${where} ORDER BY score DESC, created_at DESC LIMIT $4 OFFSET $5`,
        [...p, f.limit, f.offset],
      )
    ).rows;
    const total = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM abnormal_entries WHERE ${where}`, p))
      .rows[0]!.n;
    const counts = (
      await q.query<{ state: string; n: number }>(
        `SELECT state, count(*)::int AS n FROM abnormal_entries WHERE ($1::text IS NULL OR district_code = $1) GROUP BY state`,
        [f.district ?? null],
      )
    ).rows;
    return { rows, total, counts };
  },
  async expiring(q: Queryable, today: string) {
    return (
      await q.query<EntryRow>(
        `SELECT ${COLS} FROM abnormal_entries WHERE state IN ('listed','notified','corrected') AND expires_at <= $1::date`,
        [today],
      )
    ).rows;
  },
  /** Marks (or unmarks) a person's tickets: their complaints are left out of the mediation-success KPI. */
  async flagTickets(q: Queryable, personKey: string, on: boolean): Promise<number> {
    return (
      await q.query('UPDATE tickets SET abnormal = $2 WHERE complainant_key = $1 AND abnormal <> $2', [personKey, on])
    ).rowCount;
  },
  /** Tickets the model reads (TIF-shaped; the person is the keyed hash). */
  async ticketsForScoring(q: Queryable, from: string, after: string | null, limit: number) {
    return (
      await q.query<{
        id: string;
        kind: string;
        received_at: Date;
        title: string | null;
        body: string | null;
        complainant_key: string | null;
        phone_hash: string | null;
        idno_hash: string | null;
        complainant_enc: string | null;
        respondent_name: string | null;
        respondent_address: string | null;
        platform: string | null;
        amount: number | null;
        labels: Record<string, string> | null;
        predicted: Record<string, { label?: string }> | null;
        outcome: string | null;
        district_code: string | null;
        extra: Record<string, unknown> | null;
      }>(
        `SELECT id, kind, received_at, title, left(body, 2000) AS body, complainant_key, phone_hash, idno_hash, complainant_enc, respondent_name, respondent_address, platform, amount, labels, predicted, outcome, district_code, extra
       FROM tickets WHERE received_date >= $1::date AND complainant_key IS NOT NULL AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $3`,
        [from, after, limit],
      )
    ).rows;
  },
  async personTickets(q: Queryable, personKey: string, limit = 200) {
    return (
      await q.query<{
        id: string;
        no: string;
        kind: string;
        received_at: Date;
        title: string | null;
        body: string | null;
        respondent_name: string | null;
        status: string;
        outcome: string | null;
        complainant_enc: string | null;
        district_code: string | null;
        labels: Record<string, string> | null;
        keys: string[];
      }>(
        `SELECT id, no, kind, received_at, title, left(body, 200) AS body, respondent_name, status, outcome, complainant_enc, district_code, labels,
              array_remove(ARRAY['phone:' || phone_hash, 'id_number:' || idno_hash], NULL) AS keys
       FROM tickets WHERE complainant_key = $1 ORDER BY received_at DESC LIMIT $2`,
        [personKey, limit],
      )
    ).rows;
  },
  async insertProceeding(q: Queryable, r: ProceedingRow): Promise<void> {
    await q.query(
      'INSERT INTO ticket_proceedings (ticket_id, id, kind, filed_on, result, note, recorded_by, recorded_at) VALUES ($1,$2,$3,$4::date,$5,$6,$7,$8)',
      [r.ticket_id, r.id, r.kind, r.filed_on, r.result, r.note, r.recorded_by, r.recorded_at],
    );
  },
  async ticketProceedings(q: Queryable, ticketId: string): Promise<ProceedingRow[]> {
    return (
      await q.query<ProceedingRow>(
        `SELECT ${PCOLS} FROM ticket_proceedings WHERE ticket_id = $1 ORDER BY filed_on, recorded_at`,
        [ticketId],
      )
    ).rows;
  },
  /** Every proceeding recorded on a ticket of these persons, with the ticket's number (evidence cites it). */
  async personsProceedings(
    q: Queryable,
    personKeys: string[] | null,
  ): Promise<(ProceedingRow & { person_key: string; no: string })[]> {
    return (
      await q.query<ProceedingRow & { person_key: string; no: string }>(
        `SELECT ${PCOLS.split(', ')
          .map((c) => 'p.' + c)
          .join(', ')}, t.complainant_key AS person_key, t.no
       FROM ticket_proceedings p JOIN tickets t ON t.id = p.ticket_id
       WHERE t.complainant_key IS NOT NULL AND ($1::text[] IS NULL OR t.complainant_key = ANY($1::text[])) ORDER BY p.filed_on`,
        [personKeys],
      )
    ).rows;
  },
  async insertImport(
    q: Queryable,
    r: { source: string; entry_ref: string; keys: string[]; by: string },
  ): Promise<void> {
    await q.query('INSERT INTO abnormal_imports (source, entry_ref, keys, imported_by) VALUES ($1,$2,$3::text[],$4)', [
      r.source,
      r.entry_ref,
      r.keys,
      r.by,
    ]);
  },
  /** Local persons whose phone/ID keyed hashes appear among imported keys. */
  async matchKeys(q: Queryable, keys: string[]) {
    return (
      await q.query<{ complainant_key: string; n: number }>(
        `SELECT complainant_key, count(*)::int AS n FROM tickets WHERE complainant_key IS NOT NULL AND (phone_hash = ANY($1::text[]) OR idno_hash = ANY($1::text[])) GROUP BY complainant_key`,
        [keys],
      )
    ).rows;
  },
};
