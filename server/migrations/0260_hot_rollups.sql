-- The cockpit's last two scans of `tickets` as rollups (issue 13 "cockpit overview < 2 s cold at 10 M"): at 4.75 M
-- tickets the 60-day hot businesses (1.65 s) and hot topics (1.42 s) were each a parallel scan of the whole table,
-- growing with it, while every other figure already came from migration 0240's rollups. Kept by the same
-- statement-level trigger (rollup_apply), in the ticket's own transaction:
--   rollup_hot   received day × business (respondent_key): the city's hot businesses. The name is not rolled up:
--                a business's name as written varies by ticket, and with it in the key the rollup grew to one row
--                per ticket on the 10 M seed (5.4 s → 10.1 s); the ten businesses' names are read from their tickets;
--   rollup_pair  scope × received day × (category, problem): the hot topics, per cockpit scope like rollup_dim.
-- Distinct complainants are not additive over days, so they are not rolled up: the ten hot businesses' count (and
-- name) is read from the tickets of those ten only (index below); the hot topics no longer carry one (no screen or
-- report read it).
ALTER TYPE rollup_fact ADD ATTRIBUTE respondent_key text;

CREATE OR REPLACE FUNCTION rollup_fact_of(t tickets) RETURNS rollup_fact LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(t.received_date, t.district_code,
             CASE WHEN t.unit_id LIKE 'S%' THEN substr(t.unit_id, 2, 6) ELSE t.unit_id END,
             t.kind, COALESCE(t.channel, '未知'), COALESCE(t.category, '未分类'), COALESCE(t.problem, '未分类'),
             COALESCE(t.district_code, '未定'), COALESCE(t.age_group, '未知'), t.closed_at IS NULL, t.due_date,
             t.outcome, t.abnormal, t.odr_key IS NOT NULL, t.satisfaction, t.decisions, t.late_decisions,
             t.respondent_key)::rollup_fact
$$;

CREATE TABLE rollup_hot (
  day date NOT NULL,
  respondent_key text NOT NULL,
  n int NOT NULL DEFAULT 0,
  -- n in the key's index: the 60-day read is an index-only scan (0.43 s instead of 1.66 s cold at 10 M tickets,
  -- where 60 days hold ~850 k business·day rows)
  PRIMARY KEY (day, respondent_key) INCLUDE (n)
);
CREATE TABLE rollup_pair (
  scope text NOT NULL,
  day date NOT NULL,
  category text NOT NULL,
  problem text NOT NULL,
  n int NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, day, category, problem)
);

-- The two new rollups in their own function; 0240's function keeps its body under a new name, and rollup_apply (what
-- the triggers and 0240's backfill call) now runs both, so 0240's statement is not restated here.
CREATE FUNCTION rollup_apply_hot(plus rollup_fact[], minus rollup_fact[]) RETURNS void LANGUAGE sql AS $$
  WITH d AS (
    SELECT f.*, 1 AS w FROM unnest(plus) f
    UNION ALL
    SELECT f.*, -1 AS w FROM unnest(minus) f
  ), e AS (
    -- city-wide (the cockpit's hot businesses are the city's for every viewer): from d, not per scope
    INSERT INTO rollup_hot AS r (day, respondent_key, n)
    SELECT day, respondent_key, sum(w) FROM d WHERE respondent_key IS NOT NULL
    GROUP BY 1, 2 HAVING sum(w) <> 0 ORDER BY 1, 2
    ON CONFLICT (day, respondent_key) DO UPDATE SET n = r.n + EXCLUDED.n
    RETURNING 1
  ), f AS (
    -- per cockpit scope, the same scopes as 0240's rollup_dim
    INSERT INTO rollup_pair AS r (scope, day, category, problem, n)
    SELECT k.scope, d.day, d.category, d.problem, sum(d.w)
    FROM d CROSS JOIN LATERAL (
      SELECT DISTINCT x FROM unnest(ARRAY['*', d.district_code, d.unit_key]) x WHERE x IS NOT NULL
    ) k(scope)
    GROUP BY 1, 2, 3, 4 HAVING sum(d.w) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (scope, day, category, problem) DO UPDATE SET n = r.n + EXCLUDED.n
    RETURNING 1
  )
  SELECT FROM e, f LIMIT 0
$$;

ALTER FUNCTION rollup_apply(rollup_fact[], rollup_fact[]) RENAME TO rollup_apply_totals;
CREATE FUNCTION rollup_apply(plus rollup_fact[], minus rollup_fact[]) RETURNS void LANGUAGE sql AS $$
  SELECT rollup_apply_totals(plus, minus);
  SELECT rollup_apply_hot(plus, minus);
$$;

-- The ten hot businesses' distinct complainants over 30 days and name over 60: a range per business.
CREATE INDEX tickets_respondent_received ON tickets (respondent_key, received_date) INCLUDE (complainant_key);
DROP INDEX tickets_respondent;

-- Backfill an existing database: plain aggregates (the triggers only see changes from here on).
INSERT INTO rollup_hot (day, respondent_key, n)
SELECT received_date, respondent_key, count(*) FROM tickets
WHERE respondent_key IS NOT NULL GROUP BY 1, 2;
INSERT INTO rollup_pair (scope, day, category, problem, n)
SELECT k.scope, t.received_date, COALESCE(t.category, '未分类'), COALESCE(t.problem, '未分类'), count(*)
FROM tickets t CROSS JOIN LATERAL (
  SELECT DISTINCT x FROM unnest(ARRAY['*', t.district_code,
    CASE WHEN t.unit_id LIKE 'S%' THEN substr(t.unit_id, 2, 6) ELSE t.unit_id END]) x WHERE x IS NOT NULL
) k(scope)
GROUP BY 1, 2, 3, 4;

-- the planner reads the backfilled sizes (else it guesses a bitmap scan of a few rows)
ANALYZE rollup_hot;
ANALYZE rollup_pair;
