/**
 * Month partitions of the timeline and the audit log on the PostgreSQL server (migration 0230, pg_partman): makes the
 * coming months ahead (pg_partman's premake, 4) and applies retention as configuration, by dropping whole months —
 * never row by row (the tables are append-only; a DELETE is refused by their triggers).
 *   XIEZHI_RETAIN_TIMELINE_MONTHS  months of ticket_events kept (unset: all)
 *   XIEZHI_RETAIN_AUDIT_MONTHS     months of audit_log kept (unset: all); before a month is dropped the chain is
 *                                  anchored (audit_floor: the last dropped entry's seq and hash), so `xiezhi audit
 *                                  verify` checks what is kept from there
 * Where the tables are plain (PGlite, or no pg_partman on the server) this does nothing: the district keeps all.
 * Dropping needs the owner's rights: run at start-up after the migrations (as DATABASE_MIGRATION_URL's role when the
 * roles are separate) and by the scheduler (single-role deployments).
 */
import type { Queryable } from './db.js';

export interface Retention {
  timelineMonths?: number;
  auditMonths?: number;
}

const months = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of months ≥ 1 (got ${v})`);
  return n;
};

export const retentionFromEnv = (env: NodeJS.ProcessEnv = process.env): Retention => ({
  timelineMonths: months(env.XIEZHI_RETAIN_TIMELINE_MONTHS, 'XIEZHI_RETAIN_TIMELINE_MONTHS'),
  auditMonths: months(env.XIEZHI_RETAIN_AUDIT_MONTHS, 'XIEZHI_RETAIN_AUDIT_MONTHS'),
});

/** The partitioned parents of this schema that pg_partman manages ([] on PGlite or without pg_partman). */
export async function managedParents(q: Queryable): Promise<string[]> {
  // (in steps: to_regclass itself is refused in a schema the role may not use)
  const ns = (
    await q.query<{ ok: boolean }>("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'partman') AS ok")
  ).rows[0]?.ok;
  if (!ns || !(await q.query<{ ok: boolean }>("SELECT has_schema_privilege('partman', 'USAGE') AS ok")).rows[0]!.ok)
    return [];
  const has = (await q.query<{ ok: boolean }>("SELECT to_regclass('partman.part_config') IS NOT NULL AS ok")).rows[0]
    ?.ok;
  if (!has) return [];
  return (
    await q.query<{ t: string }>(
      `SELECT parent_table AS t FROM partman.part_config WHERE parent_table IN (current_schema() || '.ticket_events', current_schema() || '.audit_log') ORDER BY 1`,
    )
  ).rows.map((r) => r.t);
}

/** The month partitions of a parent, oldest first, with their upper bound. */
async function months_of(q: Queryable, parent: string): Promise<{ name: string; end: Date }[]> {
  const rows = (
    await q.query<{ name: string; end: Date }>(
      `SELECT p.partition_schemaname || '.' || p.partition_tablename AS name, i.child_end_time AS "end"
     FROM partman.show_partitions($1) p, partman.show_partition_info(p.partition_schemaname || '.' || p.partition_tablename) i
     ORDER BY i.child_start_time`,
      [parent],
    )
  ).rows;
  return rows.map((r) => ({ name: r.name, end: new Date(r.end) }));
}

const cutoff = (now: Date, keep: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - keep, 1));

export interface MaintainResult {
  parents: string[];
  dropped: string[];
  /** a month that was due but kept: an audit month whose chain would be cut in the middle */
  kept?: string;
}

export async function maintainPartitions(q: Queryable, r: Retention, now = new Date()): Promise<MaintainResult> {
  const parents = await managedParents(q);
  const dropped: string[] = [];
  let kept: string | undefined;
  const timeline = parents.find((p) => p.endsWith('.ticket_events'));
  const audit = parents.find((p) => p.endsWith('.audit_log'));
  if (timeline && r.timelineMonths) {
    for (const m of await months_of(q, timeline)) {
      if (m.end > cutoff(now, r.timelineMonths)) break;
      await q.query(`DROP TABLE ${m.name}`);
      dropped.push(m.name);
    }
  }
  if (audit && r.auditMonths) {
    for (const m of await months_of(q, audit)) {
      if (m.end > cutoff(now, r.auditMonths)) break;
      // the chain may be cut only after this month's last entry: every entry after it must lie in later months
      const last = (
        await q.query<{ seq: number; hash: string }>(`SELECT seq, hash FROM ${m.name} ORDER BY seq DESC LIMIT 1`)
      ).rows[0];
      if (last) {
        const later = (
          await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE seq < $1 AND at >= $2`, [
            last.seq,
            m.end,
          ])
        ).rows[0]!.n;
        if (later) {
          kept = m.name;
          break;
        }
        await q.query(
          `INSERT INTO audit_floor (id, seq, hash, through) VALUES (1, $1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, through = EXCLUDED.through, dropped_at = now()`,
          [last.seq, last.hash, m.end],
        );
      }
      await q.query(`DROP TABLE ${m.name}`);
      dropped.push(m.name);
    }
  }
  // the months ahead (premake); pg_partman's own retention stays off: the drops above are ours
  for (const p of parents)
    await q.query('SELECT partman.run_maintenance(p_parent_table := $1, p_analyze := false)', [p]);
  return { parents, dropped, ...(kept ? { kept } : {}) };
}
