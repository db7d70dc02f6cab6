/**
 * The cockpit's rollups (migration 0240) give exactly the plain scan's figures: after a demo year with its workflow
 * history, after filing, accepting, reassigning to another district's station, closing and deleting, for the city and
 * for districts, over the default year and over short ranges, with "today" moved (overdue depends on the clock).
 * Every number of the overview is compared (the whole answer object), so a rollup that misses a change fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { testApp } from '../../test/db.js';
import { startRoles, type Running } from '../../roles/index.js';
import { DEMO_PASSWORD, type Actor } from '../access/index.js';
import type { Http } from '../../platform/http/index.js';
import { splitStatements } from '../../platform/db/migrate.js';
import { loadDemo } from '../../demo/load-demo.js';
import { buildOfficer, buildTicket, signIn } from '../../test/factories.js';
import { computeOverview, scopeFilter } from './queries/overview.js';

let app: Awaited<ReturnType<typeof testApp>>;
let http: Http;
let roles: Running;
const tokens: Record<string, string> = {};
const TODAY = '2026-11-23';

const actor = (role: Actor['role'], districtCode: string | null = null): Actor => ({
  id: role,
  username: role,
  role,
  displayName: role,
  unitId: districtCode,
  districtCode,
  enterpriseKey: null,
});
const CITY = actor('analyst');
const call = async (user: string, method: 'GET' | 'POST', url: string, payload?: object) => {
  const r = await http.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[user]}` } });
  return { status: r.statusCode, body: r.json() };
};
const shift = (d: string, days: number) => new Date(Date.parse(d) + days * 86_400_000).toISOString().slice(0, 10);

/** The overview from the rollups and from the scan, for one viewer, range and "today". */
async function both(who: Actor, from: string, to: string, today = TODAY) {
  const base = scopeFilter(who, { from, to });
  return {
    rollup: await computeOverview(app, base, from, to, today, 'auto'),
    scan: await computeOverview(app, base, from, to, today, 'scan'),
  };
}
/** Districts with tickets, busiest first (a district's cockpit also counts the tickets its stations hold). */
const districts = async () =>
  (
    await app.db.query<{ d: string }>(
      `SELECT district_code AS d FROM tickets WHERE district_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC`,
    )
  ).rows.map((r) => r.d);

async function expectExact(label: string) {
  const ranges: [string, string, string][] = [
    [shift(TODAY, -364), TODAY, TODAY], // the cockpit's default year
    [shift(TODAY, -30), shift(TODAY, -3), TODAY], // a short range ending before today
    [shift(TODAY, -364), TODAY, shift(TODAY, 40)], // the same tickets seen 40 days later: more overdue
  ];
  const ds = await districts();
  for (const who of [CITY, actor('supervisor', ds[0]!), actor('supervisor', ds[ds.length - 1]!)]) {
    for (const [from, to, today] of ranges) {
      const { rollup, scan } = await both(who, from, to, today);
      expect(rollup, `${label}: ${who.role} ${who.districtCode ?? 'city'} ${from}..${to} today ${today}`).toEqual(scan);
    }
  }
}

beforeAll(async () => {
  app = await testApp(TODAY);
  await loadDemo(app, { tickets: 600, seed: 11 });
  roles = await startRoles(app, ['web'], { scheduler: false });
  http = roles.http!;
  for (const u of ['operator', 'officer', 'supervisor', 'analyst']) {
    tokens[u] = (
      await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } })
    ).json().token;
  }
}, 300_000);
afterAll(async () => {
  await roles?.stop();
  await app?.closeDb();
});

describe('cockpit rollups', () => {
  it('equal the scan after the demo year and its workflow history', async () => {
    const { rollup } = await both(CITY, shift(TODAY, -364), TODAY);
    // the comparison is over real figures, not an empty city
    expect(rollup.totals.tickets).toBeGreaterThan(500);
    expect(rollup.totals.open).toBeGreaterThan(0);
    expect(rollup.totals.overdue + rollup.totals.mediated + rollup.kpi.overdue).toBeGreaterThan(0);
    await expectExact('demo');
  });

  it('follow filing, accepting, reassigning, closing and deleting', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const f = await call('operator', 'POST', '/api/tickets', buildTicket());
      expect(f.status).toBe(201);
      ids.push(f.body.id);
    }
    const before = (await both(CITY, shift(TODAY, -364), TODAY)).rollup.totals;
    // an officer of the station the filings were routed to (松江区岳阳所)
    const unit = (await app.db.query<{ u: string }>('SELECT unit_id AS u FROM tickets WHERE id = $1', [ids[0]]))
      .rows[0]!.u;
    expect(unit).toBe('S310117001');
    const officer = await buildOfficer(app.db);
    Object.assign(tokens, await signIn(http, [officer.username]));
    expect((await call(officer.username, 'POST', `/api/tickets/${ids[0]}/actions`, { action: 'accept' })).status).toBe(
      200,
    );
    // to the district bureau, then to another district's station: the ticket moves between district cockpits
    const back = await call(officer.username, 'POST', `/api/tickets/${ids[1]}/transfer`, {
      to_unit: '310117',
      reason: '地址不在本所辖区',
    });
    expect(back.status).toBe(200);
    await app.db.query(`UPDATE tickets SET unit_id = 'S310104003' WHERE id = $1`, [ids[1]]);
    // closed (处理中 → 办结) with an outcome and the satisfaction the complainant gave
    await app.db.query(
      `UPDATE tickets SET status = 'closed', outcome = 'mediated', closed_at = now(), satisfaction = 4, decisions = decisions + 1, late_decisions = late_decisions + 1 WHERE id = $1`,
      [ids[2]],
    );
    // one statement over many rows (a sweep), and a deletion
    await app.db.query(
      `UPDATE tickets SET due_date = received_date + 3 WHERE closed_at IS NULL AND due_date IS NOT NULL`,
    );
    // a row written and removed by SQL alone (a filed ticket has an append-only timeline, so a copy without one)
    await app.db.query(
      `INSERT INTO tickets SELECT (jsonb_populate_record(t, jsonb_build_object('id', t.id || '-x', 'no', t.no || 'x'))).* FROM tickets t WHERE id = $1`,
      [ids[3]],
    );
    const copies = async () =>
      (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets WHERE id = $1', [`${ids[3]}-x`]))
        .rows[0]!.n;
    expect(await copies()).toBe(1);
    await expectExact('after a copy by SQL');
    await app.db.query('DELETE FROM tickets WHERE id = $1', [`${ids[3]}-x`]);
    expect(await copies()).toBe(0);
    const after = (await both(CITY, shift(TODAY, -364), TODAY)).rollup.totals;
    expect(after.open).toBeLessThan(before.open);
    expect(after.mediated).toBe(before.mediated + 1);
    await expectExact('after changes');
  });

  it('detects a rollup that is off by one (the comparison can fail)', async () => {
    await app.db.query(
      `UPDATE rollup_dim SET n = n + 1 WHERE ctid = (SELECT ctid FROM rollup_dim WHERE scope = '*' AND dim = 'channel' AND n > 0 AND day > $1::date LIMIT 1)`,
      [shift(TODAY, -300)],
    );
    const { rollup, scan } = await both(CITY, shift(TODAY, -364), TODAY);
    expect(rollup.by_channel).not.toEqual(scan.by_channel);
    await app.db.query(
      `UPDATE rollup_day SET open = open - 1 WHERE ctid = (SELECT ctid FROM rollup_day WHERE scope = '*' AND open > 0 LIMIT 1)`,
    );
    expect((await both(CITY, shift(TODAY, -364), TODAY)).rollup.totals.open).toBe(scan.totals.open - 1);
  });

  it('are rebuilt exactly by the migration backfill on an existing database', async () => {
    await app.db.query('DELETE FROM rollup_day');
    await app.db.query('DELETE FROM rollup_dim');
    await app.db.query('DELETE FROM rollup_due');
    await app.db.query('DELETE FROM rollup_hot');
    await app.db.query('DELETE FROM rollup_pair');
    const sql = readFileSync(
      fileURLToPath(new URL('../../migrations/0240_cockpit_rollups.sql', import.meta.url)),
      'utf8',
    );
    const backfill = splitStatements(sql).filter((s) => s.includes('DO $$'));
    expect(backfill).toHaveLength(1);
    await app.db.query(backfill[0]!);
    await expectExact('backfill');
  });

  it('hot businesses and topics are rebuilt exactly by the 0260 backfill, and a wrong one shows', async () => {
    await app.db.query('DELETE FROM rollup_hot');
    await app.db.query('DELETE FROM rollup_pair');
    const sql = readFileSync(fileURLToPath(new URL('../../migrations/0260_hot_rollups.sql', import.meta.url)), 'utf8');
    const backfill = splitStatements(sql).filter((s) => /^\s*(--[^\n]*\n\s*)*INSERT INTO rollup_/.test(s));
    expect(backfill).toHaveLength(2);
    for (const s of backfill) await app.db.query(s);
    await expectExact('0260 backfill');
    const { rollup } = await both(CITY, shift(TODAY, -364), TODAY);
    expect(rollup.hot_businesses.length).toBeGreaterThan(0);
    expect(rollup.hot_topics.length).toBeGreaterThan(0);
    const top = rollup.hot_businesses[0]!;
    await app.db.query(
      `UPDATE rollup_hot SET n = n + 5 WHERE ctid = (SELECT ctid FROM rollup_hot WHERE respondent_key = $1 AND n > 0 AND day >= $2::date LIMIT 1)`,
      [top.key, shift(TODAY, -29)],
    );
    const after = await both(CITY, shift(TODAY, -364), TODAY);
    expect(after.rollup.hot_businesses[0]!.recent).toBe(top.recent + 5);
    expect(after.rollup.hot_businesses).not.toEqual(after.scan.hot_businesses);
  });
});
