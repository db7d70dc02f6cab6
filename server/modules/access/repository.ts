/** All SQL of the access module: units, users, sessions. */
import type { Queryable } from '../../platform/db/index.js';
import type { UnitRow } from './domain/units.js';
import type { Scope } from './domain/catalog.js';

/**
 * The one translation of a scope to SQL (catalog.ts `scopeOf`): a WHERE fragment over a table aliased `alias`, its
 * values appended to `params`. `ticket` rows carry unit, district, kind and ODR firm, and follow `ticketInScope`;
 * `area` rows (alerts, list entries) carry a district only, and follow `areaInScope`.
 */
export function scopeSql(
  scope: Scope,
  params: unknown[],
  o: { alias?: string; rows?: 'ticket' | 'area' } = {},
): string {
  const t = o.alias ?? 't';
  if ('all' in scope) return 'TRUE';
  if ((o.rows ?? 'ticket') === 'area') {
    if (!('district' in scope)) return 'FALSE';
    params.push(scope.district);
    return `(${t}.district_code = $${params.length} OR ${t}.district_code IS NULL)`;
  }
  if ('unit' in scope) {
    params.push(scope.unit);
    return `${t}.unit_id = $${params.length}`;
  }
  if ('district' in scope) {
    params.push(scope.district);
    const p = `$${params.length}`;
    // the district's own tickets, and those its bureau or its stations (S<district>…) hold after a transfer
    return `(${t}.district_code = ${p} OR ${t}.unit_id = ${p} OR ${t}.unit_id LIKE 'S' || ${p} || '%')`;
  }
  if ('odr' in scope) {
    params.push(scope.odr);
    return `(${t}.odr_key = $${params.length} AND ${t}.kind = 'complaint')`;
  }
  return 'FALSE';
}

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  role: string;
  unit_id: string | null;
  enterprise_key: string | null;
  active: boolean;
  district_code: string | null;
}

export const accessRepo = {
  async upsertUnits(q: Queryable, units: UnitRow[]): Promise<void> {
    await q.query(
      `INSERT INTO units (id, kind, name, parent_id, district_code, street_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind`,
      [
        units.map((u) => u.id),
        units.map((u) => u.kind),
        units.map((u) => u.name),
        units.map((u) => u.parent_id),
        units.map((u) => u.district_code),
        units.map((u) => u.street_code),
      ],
    );
  },
  async listUnits(q: Queryable): Promise<UnitRow[]> {
    return (
      await q.query<UnitRow>('SELECT id, kind, name, parent_id, district_code, street_code FROM units ORDER BY id')
    ).rows;
  },
  async getUnit(q: Queryable, id: string): Promise<UnitRow | undefined> {
    return (
      await q.query<UnitRow>('SELECT id, kind, name, parent_id, district_code, street_code FROM units WHERE id = $1', [
        id,
      ])
    ).rows[0];
  },
  async insertUser(q: Queryable, u: Omit<UserRow, 'active' | 'district_code'>): Promise<boolean> {
    const r = await q.query(
      `INSERT INTO users (id, username, password_hash, display_name, role, unit_id, enterprise_key) VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (username) DO NOTHING`,
      [u.id, u.username, u.password_hash, u.display_name, u.role, u.unit_id, u.enterprise_key],
    );
    return r.rowCount > 0;
  },
  async userByUsername(q: Queryable, username: string): Promise<UserRow | undefined> {
    return (
      await q.query<UserRow>(
        `SELECT u.*, un.district_code FROM users u LEFT JOIN units un ON un.id = u.unit_id WHERE u.username = $1`,
        [username],
      )
    ).rows[0];
  },
  async userBySession(q: Queryable, tokenHash: string): Promise<UserRow | undefined> {
    return (
      await q.query<UserRow>(
        `SELECT u.*, un.district_code FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN units un ON un.id = u.unit_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
        [tokenHash],
      )
    ).rows[0];
  },
  async insertSession(q: Queryable, tokenHash: string, userId: string, hours: number): Promise<void> {
    await q.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + ($3 || ' hours')::interval)`,
      [tokenHash, userId, String(hours)],
    );
  },
  async deleteSession(q: Queryable, tokenHash: string): Promise<void> {
    await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  },
  async listUsers(q: Queryable): Promise<UserRow[]> {
    return (
      await q.query<UserRow>(
        `SELECT u.*, un.district_code FROM users u LEFT JOIN units un ON un.id = u.unit_id ORDER BY u.role, u.username`,
      )
    ).rows;
  },
  async setUserUnit(q: Queryable, username: string, unitId: string): Promise<void> {
    await q.query('UPDATE users SET unit_id = $2 WHERE username = $1', [username, unitId]);
  },
  async setUserEnterprise(q: Queryable, username: string, key: string): Promise<void> {
    await q.query('UPDATE users SET enterprise_key = $2 WHERE username = $1', [username, key]);
  },
  /** An ODR firm's accounts (role enterprise, linked by enterprise_key); never the password hash. */
  async enterpriseUsers(q: Queryable, enterpriseKey: string) {
    return (
      await q.query<{ id: string; username: string; display_name: string; active: boolean; created_at: Date }>(
        `SELECT id, username, display_name, active, created_at FROM users WHERE role = 'enterprise' AND enterprise_key = $1 ORDER BY username`,
        [enterpriseKey],
      )
    ).rows;
  },
  /** Enables or disables an account; disabling ends its sessions at once (a session resolves only for active users too). */
  async setActive(q: Queryable, id: string, active: boolean): Promise<void> {
    await q.query('UPDATE users SET active = $2 WHERE id = $1', [id, active]);
    if (!active) await q.query('DELETE FROM sessions WHERE user_id = $1', [id]);
  },
  async userById(q: Queryable, id: string): Promise<UserRow | undefined> {
    return (
      await q.query<UserRow>(
        `SELECT u.*, un.district_code FROM users u LEFT JOIN units un ON un.id = u.unit_id WHERE u.id = $1`,
        [id],
      )
    ).rows[0];
  },
};
