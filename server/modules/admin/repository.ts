/** All SQL of user and unit administration: accounts (never their hashes on the way out) and the street→station map. */
import type { Queryable } from '../../platform/db/index.js';

export interface AdminUserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  unit_id: string | null;
  unit_name: string | null;
  enterprise_key: string | null;
  active: boolean;
  created_at: Date;
  password_set_at: Date | null;
  last_login: Date | null;
}

export interface UserPatch {
  display_name?: string;
  role?: string;
  unit_id?: string | null;
  enterprise_key?: string | null;
  active?: boolean;
}

const USER_COLS = `u.id, u.username, u.display_name, u.role, u.unit_id, un.name AS unit_name, u.enterprise_key, u.active, u.created_at, u.password_set_at,
  (SELECT max(a.at) FROM audit_log a WHERE a.action = 'login' AND a.actor_id = u.id) AS last_login`;

export const adminRepo = {
  async listUsers(q: Queryable): Promise<AdminUserRow[]> {
    return (
      await q.query<AdminUserRow>(
        `SELECT ${USER_COLS} FROM users u LEFT JOIN units un ON un.id = u.unit_id ORDER BY u.role, u.username`,
      )
    ).rows;
  },
  async getUser(q: Queryable, id: string): Promise<AdminUserRow | undefined> {
    return (
      await q.query<AdminUserRow>(
        `SELECT ${USER_COLS} FROM users u LEFT JOIN units un ON un.id = u.unit_id WHERE u.id = $1`,
        [id],
      )
    ).rows[0];
  },
  async usernameTaken(q: Queryable, username: string): Promise<boolean> {
    return (await q.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username])).rows.length > 0;
  },
  async insertUser(
    q: Queryable,
    u: {
      id: string;
      username: string;
      password_hash: string;
      display_name: string;
      role: string;
      unit_id: string | null;
      enterprise_key: string | null;
      at: Date;
    },
  ): Promise<void> {
    await q.query(
      `INSERT INTO users (id, username, password_hash, display_name, role, unit_id, enterprise_key, created_at, password_set_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8)`,
      [u.id, u.username, u.password_hash, u.display_name, u.role, u.unit_id, u.enterprise_key, u.at],
    );
  },
  async updateUser(q: Queryable, id: string, p: UserPatch): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const k of ['display_name', 'role', 'unit_id', 'enterprise_key', 'active'] as const) {
      if (p[k] === undefined) continue;
      params.push(p[k]);
      sets.push(`${k} = $${params.length}`);
    }
    if (sets.length) await q.query(`UPDATE users SET ${sets.join(', ')} WHERE id = $1`, params);
  },
  async setPassword(q: Queryable, id: string, hash: string, at: Date): Promise<void> {
    await q.query('UPDATE users SET password_hash = $2, password_set_at = $3 WHERE id = $1', [id, hash, at]);
  },
  /** Ends every session of a user (after a password reset, a deactivation or a change of role or unit). */
  async endSessions(q: Queryable, userId: string): Promise<number> {
    return (await q.query('DELETE FROM sessions WHERE user_id = $1', [userId])).rowCount;
  },
  async countActiveAdmins(q: Queryable): Promise<number> {
    return (await q.query<{ n: number }>("SELECT count(*)::int n FROM users WHERE role = 'admin' AND active")).rows[0]!
      .n;
  },
  async stationOverrides(q: Queryable): Promise<{ street_code: string; unit_id: string; updated_at: Date }[]> {
    return (
      await q.query<{ street_code: string; unit_id: string; updated_at: Date }>(
        'SELECT street_code, unit_id, updated_at FROM street_stations ORDER BY street_code',
      )
    ).rows;
  },
  async setStation(q: Queryable, streetCode: string, unitId: string, by: string, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO street_stations (street_code, unit_id, updated_by, updated_at) VALUES ($1,$2,$3,$4)
      ON CONFLICT (street_code) DO UPDATE SET unit_id = EXCLUDED.unit_id, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [streetCode, unitId, by, at],
    );
  },
  async clearStation(q: Queryable, streetCode: string): Promise<void> {
    await q.query('DELETE FROM street_stations WHERE street_code = $1', [streetCode]);
  },
  /** Open tickets per unit (the units screen shows each station's load). */
  async openByUnit(q: Queryable): Promise<Map<string, number>> {
    const r = await q.query<{ unit_id: string; n: number }>(
      'SELECT unit_id, count(*)::int n FROM tickets WHERE closed_at IS NULL AND unit_id IS NOT NULL GROUP BY unit_id',
    );
    return new Map(r.rows.map((x) => [x.unit_id, x.n]));
  },
};
