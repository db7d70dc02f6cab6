-- The cockpit's figures kept as narrow rollups (issue 13 "cockpit overview < 2 s cold", issue 15's 200k bar), so an
-- uncached overview reads a few thousand small rows instead of scanning a year of tickets:
--   rollup_day  scope × received day: the totals and KPI counts (one row per day for the city);
--   rollup_dim  scope × received day × (dimension, value): count and open for each breakdown the cockpit draws
--               (kind, channel, category, problem, district, age group) — about a hundred rows a day for the city;
--   rollup_due  scope × received day × due date, open tickets with a running clock only: "overdue" depends on today,
--               so it is summed at read time over due_date < today from these small per-deadline-day counts.
-- A wide rollup (day × every dimension) has nearly as many rows as tickets and was slower than the scan; these are
-- one dimension at a time.
-- Scope: every ticket is counted under '*' (the city) and under each district whose cockpit sees it — its own
-- district_code, and the district of the unit holding it (station S<district>…, or the district bureau itself) —
-- exactly access's scopeSql for a district ('district_code = d OR unit_id = d OR unit_id LIKE ''S'' || d || ''%''').
-- A station's cockpit (a few thousand tickets, index tickets_unit_received) and filtered overviews read the tickets.
-- Maintenance: statement-level AFTER triggers with transition tables, in the same transaction as the ticket change,
-- so the figures are never behind the tickets (no "as of"); the values are the same expressions as the cube's
-- DIMENSIONS (server/modules/analytics/domain/dimensions.ts) — analytics/rollup.db.test.ts compares every figure with
-- the plain scan after filing, transitions, reassignments and closing.

-- the columns of a ticket that any rollup reads
CREATE TYPE rollup_fact AS (
  day date, district_code text, unit_key text, kind text, channel text, category text, problem text,
  district text, age_group text, open boolean, due_date date, outcome text, abnormal boolean, odr boolean,
  satisfaction smallint, decisions smallint, late_decisions smallint
);
CREATE FUNCTION rollup_fact_of(t tickets) RETURNS rollup_fact LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(t.received_date, t.district_code,
             CASE WHEN t.unit_id LIKE 'S%' THEN substr(t.unit_id, 2, 6) ELSE t.unit_id END,
             t.kind, COALESCE(t.channel, '未知'), COALESCE(t.category, '未分类'), COALESCE(t.problem, '未分类'),
             COALESCE(t.district_code, '未定'), COALESCE(t.age_group, '未知'), t.closed_at IS NULL, t.due_date,
             t.outcome, t.abnormal, t.odr_key IS NOT NULL, t.satisfaction, t.decisions, t.late_decisions)::rollup_fact
$$;

CREATE TABLE rollup_day (
  scope text NOT NULL,
  day date NOT NULL,
  n int NOT NULL DEFAULT 0,
  complaints int NOT NULL DEFAULT 0,
  reports int NOT NULL DEFAULT 0,
  consultations int NOT NULL DEFAULT 0,
  open int NOT NULL DEFAULT 0,
  mediated int NOT NULL DEFAULT 0,      -- outcome mediated, abnormal-listed complainants left out
  terminated int NOT NULL DEFAULT 0,    -- likewise
  abnormal int NOT NULL DEFAULT 0,
  odr_settled int NOT NULL DEFAULT 0,
  odr_total int NOT NULL DEFAULT 0,
  sat_sum bigint NOT NULL DEFAULT 0,
  sat_n int NOT NULL DEFAULT 0,
  decided bigint NOT NULL DEFAULT 0,
  late bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, day)
);
CREATE TABLE rollup_dim (
  scope text NOT NULL,
  day date NOT NULL,
  dim text NOT NULL,
  value text NOT NULL,
  n int NOT NULL DEFAULT 0,
  open int NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, day, dim, value)
);
CREATE TABLE rollup_due (
  scope text NOT NULL,
  day date NOT NULL,
  due date NOT NULL,
  n int NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, day, due)
);

-- Adds the facts in `plus` and takes away those in `minus` (an UPDATE passes both: unchanged tickets cancel out and
-- write nothing). Rows are upserted in key order, so two transactions lock shared rollup rows in the same order.
CREATE FUNCTION rollup_apply(plus rollup_fact[], minus rollup_fact[]) RETURNS void LANGUAGE sql AS $$
  WITH d AS (
    SELECT f.*, 1 AS w FROM unnest(plus) f
    UNION ALL
    SELECT f.*, -1 AS w FROM unnest(minus) f
  ), s AS (
    SELECT d.*, k.scope
    FROM d CROSS JOIN LATERAL (
      SELECT DISTINCT x FROM unnest(ARRAY['*', d.district_code, d.unit_key]) x WHERE x IS NOT NULL
    ) k(scope)
  ), a AS (
    INSERT INTO rollup_day AS r (scope, day, n, complaints, reports, consultations, open, mediated, terminated, abnormal,
                                 odr_settled, odr_total, sat_sum, sat_n, decided, late)
    SELECT * FROM (
      SELECT scope, day, sum(w) AS n,
             COALESCE(sum(w) FILTER (WHERE kind = 'complaint'), 0) AS complaints,
             COALESCE(sum(w) FILTER (WHERE kind = 'report'), 0) AS reports,
             COALESCE(sum(w) FILTER (WHERE kind IN ('consultation','suggestion','help','unknown')), 0) AS consultations,
             COALESCE(sum(w) FILTER (WHERE open), 0) AS open,
             COALESCE(sum(w) FILTER (WHERE outcome = 'mediated' AND NOT abnormal), 0) AS mediated,
             COALESCE(sum(w) FILTER (WHERE outcome = 'terminated' AND NOT abnormal), 0) AS terminated,
             COALESCE(sum(w) FILTER (WHERE abnormal), 0) AS abnormal,
             COALESCE(sum(w) FILTER (WHERE outcome = 'odr_settled'), 0) AS odr_settled,
             COALESCE(sum(w) FILTER (WHERE odr), 0) AS odr_total,
             COALESCE(sum(w * satisfaction), 0) AS sat_sum,
             COALESCE(sum(w) FILTER (WHERE satisfaction IS NOT NULL), 0) AS sat_n,
             COALESCE(sum(w * decisions), 0) AS decided,
             COALESCE(sum(w * late_decisions), 0) AS late
      FROM s GROUP BY scope, day) g
    -- an UPDATE that changed nothing counted here writes nothing
    WHERE (n, complaints, reports, consultations, open, mediated, terminated, abnormal, odr_settled, odr_total, sat_sum,
           sat_n, decided, late) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    ORDER BY scope, day
    ON CONFLICT (scope, day) DO UPDATE SET
      n = r.n + EXCLUDED.n, complaints = r.complaints + EXCLUDED.complaints, reports = r.reports + EXCLUDED.reports,
      consultations = r.consultations + EXCLUDED.consultations, open = r.open + EXCLUDED.open,
      mediated = r.mediated + EXCLUDED.mediated, terminated = r.terminated + EXCLUDED.terminated,
      abnormal = r.abnormal + EXCLUDED.abnormal, odr_settled = r.odr_settled + EXCLUDED.odr_settled,
      odr_total = r.odr_total + EXCLUDED.odr_total, sat_sum = r.sat_sum + EXCLUDED.sat_sum,
      sat_n = r.sat_n + EXCLUDED.sat_n, decided = r.decided + EXCLUDED.decided, late = r.late + EXCLUDED.late
    RETURNING 1
  ), b AS (
    INSERT INTO rollup_dim AS r (scope, day, dim, value, n, open)
    SELECT scope, day, u.dim, u.value, sum(w), COALESCE(sum(w) FILTER (WHERE open), 0)
    FROM s CROSS JOIN LATERAL unnest(ARRAY['kind', 'channel', 'category', 'problem', 'district', 'age_group'],
                                     ARRAY[kind, channel, category, problem, district, age_group]) u(dim, value)
    GROUP BY 1, 2, 3, 4
    HAVING sum(w) <> 0 OR COALESCE(sum(w) FILTER (WHERE open), 0) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (scope, day, dim, value) DO UPDATE SET n = r.n + EXCLUDED.n, open = r.open + EXCLUDED.open
    RETURNING 1
  ), c AS (
    INSERT INTO rollup_due AS r (scope, day, due, n)
    SELECT scope, day, due_date, sum(w) FROM s WHERE open AND due_date IS NOT NULL
    GROUP BY 1, 2, 3 HAVING sum(w) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (scope, day, due) DO UPDATE SET n = r.n + EXCLUDED.n
    RETURNING 1
  )
  SELECT FROM a, b, c LIMIT 0
$$;

-- One function for the three triggers: a trigger with transition tables is for one event only.
CREATE FUNCTION rollup_tickets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rollup_apply(ARRAY(SELECT rollup_fact_of(n) FROM new_rows n), '{}');
  ELSIF TG_OP = 'UPDATE' THEN
    -- most ticket updates (text, predictions, version, status within a stage) change no fact: the multiset
    -- differences are empty and nothing is written (PostgreSQL allows no column list on a transition-table trigger)
    PERFORM rollup_apply(
      ARRAY(SELECT rollup_fact_of(n) FROM new_rows n EXCEPT ALL SELECT rollup_fact_of(o) FROM old_rows o),
      ARRAY(SELECT rollup_fact_of(o) FROM old_rows o EXCEPT ALL SELECT rollup_fact_of(n) FROM new_rows n));
  ELSE
    PERFORM rollup_apply('{}', ARRAY(SELECT rollup_fact_of(o) FROM old_rows o));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER tickets_rollup_insert AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_tickets();
CREATE TRIGGER tickets_rollup_update AFTER UPDATE ON tickets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_tickets();
CREATE TRIGGER tickets_rollup_delete AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_tickets();

-- Backfill an existing database, a month of tickets at a time (bounded memory for the fact arrays).
DO $$
DECLARE m date;
BEGIN
  FOR m IN SELECT DISTINCT date_trunc('month', received_date)::date FROM tickets ORDER BY 1 LOOP
    PERFORM rollup_apply(ARRAY(SELECT rollup_fact_of(t) FROM tickets t
                               WHERE t.received_date >= m AND t.received_date < (m + interval '1 month')::date), '{}');
  END LOOP;
END;
$$;
