/** All SQL of the monitoring loop: items, their district tasks and the append-only step log. */
import type { Queryable } from '../../platform/db/index.js';
import type { DispatchTask, Finding, State, TaskState } from './domain/loop.js';

export interface ItemRow {
  id: string;
  no: string;
  title: string;
  topic: string;
  requirements: string;
  keywords: string[];
  body_user_id: string;
  body_name: string;
  due_date: string | null;
  state: State;
  findings_summary: string | null;
  findings: Finding[];
  summary: string | null;
  issued_at: Date;
  closed_at: Date | null;
  version: number;
}
export interface TaskRow {
  item_id: string;
  district_code: string;
  district_name: string | null;
  instruction: string;
  finding_refs: number[];
  due_date: string | null;
  state: TaskState;
  handling: string | null;
  cases_opened: number | null;
  accounts_handled: number | null;
  handled_by: string | null;
  handled_at: Date | null;
}
export interface StepRow {
  seq: number;
  at: Date;
  action: string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  unit_id: string | null;
  unit_name: string | null;
  district_code: string | null;
  payload: Record<string, unknown>;
}
const ITEM_COLS = `id, no, title, topic, requirements, keywords, body_user_id, body_name, due_date::text AS due_date, state, findings_summary, findings, summary, issued_at, closed_at, version`;

export interface ListScope {
  all?: true;
  bodyUserId?: string;
  districtCode?: string;
}

export const monitoringRepo = {
  async insert(
    q: Queryable,
    r: Omit<ItemRow, 'no' | 'state' | 'findings_summary' | 'findings' | 'summary' | 'closed_at' | 'version'>,
    day: string,
  ): Promise<string> {
    const res = await q.query<{ no: string }>(
      `INSERT INTO monitoring_items (id, no, title, topic, requirements, keywords, body_user_id, body_name, due_date, state, issued_at)
       VALUES ($1, 'JC' || $10 || lpad(nextval('monitoring_no_seq')::text, 4, '0'), $2, $3, $4, $5::jsonb, $6, $7, $8, 'issued', $9) RETURNING no`,
      [
        r.id,
        r.title,
        r.topic,
        r.requirements,
        JSON.stringify(r.keywords),
        r.body_user_id,
        r.body_name,
        r.due_date,
        r.issued_at,
        day.replace(/-/g, ''),
      ],
    );
    return res.rows[0]!.no;
  },
  async get(q: Queryable, id: string, forUpdate = false): Promise<ItemRow | undefined> {
    return (
      await q.query<ItemRow>(
        `SELECT ${ITEM_COLS} FROM monitoring_items WHERE id = $1 OR no = $1 LIMIT 1${forUpdate ? ' FOR UPDATE' : ''}`,
        [id],
      )
    ).rows[0];
  },
  async update(
    q: Queryable,
    id: string,
    version: number,
    p: {
      state: State;
      findings_summary?: string | undefined;
      findings?: Finding[] | undefined;
      summary?: string | undefined;
      closed_at?: Date | undefined;
    },
  ): Promise<boolean> {
    const r = await q.query(
      `UPDATE monitoring_items SET state = $3, findings_summary = COALESCE($4, findings_summary), findings = COALESCE($5::jsonb, findings),
         summary = COALESCE($6, summary), closed_at = COALESCE($7, closed_at), version = version + 1 WHERE id = $1 AND version = $2`,
      [
        id,
        version,
        p.state,
        p.findings_summary ?? null,
        p.findings ? JSON.stringify(p.findings) : null,
        p.summary ?? null,
        p.closed_at ?? null,
      ],
    );
    return r.rowCount === 1;
  },
  async tasks(q: Queryable, itemId: string): Promise<TaskRow[]> {
    return (
      await q.query<TaskRow>(
        `SELECT a.item_id, a.district_code, u.name AS district_name, a.instruction, a.finding_refs, a.due_date::text AS due_date, a.state, a.handling,
              a.cases_opened, a.accounts_handled, a.handled_by, a.handled_at
         FROM monitoring_assignments a LEFT JOIN units u ON u.id = a.district_code WHERE a.item_id = $1 ORDER BY a.district_code`,
        [itemId],
      )
    ).rows;
  },
  async insertTasks(q: Queryable, itemId: string, tasks: DispatchTask[]): Promise<void> {
    for (const t of tasks) {
      await q.query(
        `INSERT INTO monitoring_assignments (item_id, district_code, instruction, finding_refs, due_date, state) VALUES ($1,$2,$3,$4::jsonb,$5,'assigned')`,
        [itemId, t.district_code, t.instruction.trim(), JSON.stringify(t.finding_refs ?? []), t.due_date],
      );
    }
  },
  async setTask(
    q: Queryable,
    itemId: string,
    districtCode: string,
    p: {
      state: TaskState;
      handling?: string | undefined;
      cases_opened?: number | undefined;
      accounts_handled?: number | undefined;
      by?: string | undefined;
      at?: Date | undefined;
    },
  ): Promise<void> {
    await q.query(
      `UPDATE monitoring_assignments SET state = $3, handling = COALESCE($4, handling), cases_opened = COALESCE($5, cases_opened),
         accounts_handled = COALESCE($6, accounts_handled), handled_by = COALESCE($7, handled_by), handled_at = COALESCE($8, handled_at)
       WHERE item_id = $1 AND district_code = $2`,
      [
        itemId,
        districtCode,
        p.state,
        p.handling ?? null,
        p.cases_opened ?? null,
        p.accounts_handled ?? null,
        p.by ?? null,
        p.at ?? null,
      ],
    );
  },
  async appendStep(q: Queryable, itemId: string, s: Omit<StepRow, 'seq'>): Promise<void> {
    await q.query(
      `INSERT INTO monitoring_steps (item_id, seq, at, action, actor_id, actor_name, actor_role, unit_id, unit_name, district_code, payload)
       SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb FROM monitoring_steps WHERE item_id = $1`,
      [
        itemId,
        s.at,
        s.action,
        s.actor_id,
        s.actor_name,
        s.actor_role,
        s.unit_id,
        s.unit_name,
        s.district_code,
        JSON.stringify(s.payload),
      ],
    );
  },
  async steps(q: Queryable, itemId: string): Promise<StepRow[]> {
    return (
      await q.query<StepRow>(
        'SELECT seq, at, action, actor_id, actor_name, actor_role, unit_id, unit_name, district_code, payload FROM monitoring_steps WHERE item_id = $1 ORDER BY seq',
        [itemId],
      )
    ).rows;
  },
  /** Items in scope, newest first, with their district tasks' progress. */
  async list(q: Queryable, s: ListScope, state: string | null, limit: number) {
    const params: unknown[] = [];
    const where: string[] = [];
    if (s.bodyUserId) {
      params.push(s.bodyUserId);
      where.push(`m.body_user_id = $${params.length}`);
    } else if (s.districtCode) {
      params.push(s.districtCode);
      where.push(
        `EXISTS (SELECT 1 FROM monitoring_assignments x WHERE x.item_id = m.id AND x.district_code = $${params.length})`,
      );
    }
    if (state) {
      params.push(state);
      where.push(`m.state = $${params.length}`);
    }
    params.push(limit);
    return (
      await q.query<ItemRow & { tasks: number; tasks_done: number }>(
        `SELECT ${ITEM_COLS.split(', ')
          .map((c) => `m.${c}`)
          .join(', ')},
              (SELECT count(*)::int FROM monitoring_assignments a WHERE a.item_id = m.id) AS tasks,
              (SELECT count(*)::int FROM monitoring_assignments a WHERE a.item_id = m.id AND a.state = 'done') AS tasks_done
         FROM monitoring_items m ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY (m.state = 'closed'), m.issued_at DESC LIMIT $${params.length}`,
        params,
      )
    ).rows;
  },
  async districts(q: Queryable): Promise<Map<string, string>> {
    return new Map(
      (
        await q.query<{ id: string; name: string }>("SELECT id, name FROM units WHERE kind = 'district' ORDER BY id")
      ).rows.map((r) => [r.id, r.name]),
    );
  },
  async unitName(q: Queryable, id: string | null): Promise<string | null> {
    if (!id) return null;
    return (await q.query<{ name: string }>('SELECT name FROM units WHERE id = $1', [id])).rows[0]?.name ?? null;
  },
  /** The monitoring bodies: active accounts of the monitor role. */
  async bodies(q: Queryable): Promise<{ id: string; name: string }[]> {
    return (
      await q.query<{ id: string; name: string }>(
        "SELECT id, display_name AS name FROM users WHERE role = 'monitor' AND active ORDER BY display_name",
      )
    ).rows;
  },
};
