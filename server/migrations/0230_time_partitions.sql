-- Time partitioning of the timeline (ticket_events) and the audit log (issue 13 §3): native range partitions by
-- month on the PostgreSQL server, managed by pg_partman (future months made ahead, retention by dropping whole
-- months: server/platform/db/partitions.ts). Where pg_partman is not installed — PGlite, or a server without the
-- Debian package postgresql-15-partman — both stay plain tables: the queries are the same either way (every one
-- filters or orders by ticket_id, seq or at).
-- A partitioned table's unique keys must contain the partition key, so the keys gain `at`:
--   ticket_events (ticket_id, seq) → (ticket_id, seq, at): seq is given under the ticket's row lock (appendEvent),
--     the key was never what kept it unique between writers;
--   audit_log id → (id, at), seq → (seq, at): both come from one sequence / the chain head locked FOR UPDATE by the
--     insert trigger, and `xiezhi audit verify` checks seq is gapless and unique.
-- tickets stay unpartitioned: see docs/SCALING.md "Time partitioning".
DO $$
DECLARE
  s text := current_schema();
  ev_from text;
  au_from text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_partman') THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_partman') THEN
    -- creating an extension takes a superuser; an owner role that is not one gets plain tables unless the DBA ran
    -- `CREATE SCHEMA partman; CREATE EXTENSION pg_partman SCHEMA partman;` and granted it partman's tables first
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
      RAISE NOTICE 'pg_partman is not installed in this database and % cannot install it: plain tables', current_user;
      RETURN;
    END IF;
    CREATE SCHEMA IF NOT EXISTS partman;
    CREATE EXTENSION pg_partman SCHEMA partman;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'partman') THEN
    RAISE NOTICE 'pg_partman is not in schema partman: plain tables';
    RETURN;
  END IF;
  IF NOT has_schema_privilege('partman', 'USAGE') THEN
    RAISE NOTICE '% may not use schema partman: plain tables', current_user;
    RETURN;
  END IF;
  IF to_regclass('partman.part_config') IS NULL THEN
    RETURN;
  END IF;
  IF NOT has_table_privilege('partman.part_config', 'INSERT') THEN
    RAISE NOTICE '% may not register tables with pg_partman: plain tables', current_user;
    RETURN;
  END IF;

  -- the timeline
  ALTER TABLE ticket_events RENAME TO ticket_events_plain;
  ALTER TABLE ticket_events_plain RENAME CONSTRAINT ticket_events_pkey TO ticket_events_plain_pkey;
  CREATE TABLE ticket_events (LIKE ticket_events_plain INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (at);
  ALTER TABLE ticket_events ADD PRIMARY KEY (ticket_id, seq, at);
  SELECT to_char(date_trunc('month', COALESCE(min(at), now()) AT TIME ZONE 'UTC'), 'YYYY-MM-DD') INTO ev_from FROM ticket_events_plain;
  PERFORM partman.create_parent(s || '.ticket_events', 'at', 'native', 'monthly', p_premake := 4, p_start_partition := ev_from);
  INSERT INTO ticket_events SELECT * FROM ticket_events_plain;
  DROP TABLE ticket_events_plain;
  CREATE TRIGGER ticket_events_append_only BEFORE UPDATE OR DELETE ON ticket_events FOR EACH ROW EXECUTE FUNCTION forbid_change();
  CREATE TRIGGER ticket_events_no_truncate BEFORE TRUNCATE ON ticket_events FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

  -- the audit log: rows move with their chain fields as they are (the chain trigger is created after the copy)
  ALTER TABLE audit_log RENAME TO audit_log_plain;
  ALTER TABLE audit_log_plain RENAME CONSTRAINT audit_log_pkey TO audit_log_plain_pkey;
  ALTER INDEX audit_seq RENAME TO audit_plain_seq;
  ALTER INDEX audit_subject RENAME TO audit_plain_subject;
  ALTER INDEX audit_at RENAME TO audit_plain_at;
  ALTER INDEX audit_actor RENAME TO audit_plain_actor;
  ALTER INDEX audit_action RENAME TO audit_plain_action;
  ALTER INDEX audit_subject_ids RENAME TO audit_plain_subject_ids;
  ALTER TABLE audit_log_plain RENAME CONSTRAINT audit_has_subject TO audit_plain_has_subject;
  CREATE TABLE audit_log (LIKE audit_log_plain INCLUDING DEFAULTS) PARTITION BY RANGE (at);
  ALTER SEQUENCE audit_log_id_seq OWNED BY audit_log.id;
  ALTER TABLE audit_log ADD PRIMARY KEY (id, at);
  CREATE UNIQUE INDEX audit_seq ON audit_log (seq, at);
  CREATE INDEX audit_subject ON audit_log (subject_type, subject_id);
  CREATE INDEX audit_at ON audit_log (at DESC);
  CREATE INDEX audit_actor ON audit_log (actor_id, at DESC);
  CREATE INDEX audit_action ON audit_log (action, at DESC);
  CREATE INDEX audit_subject_ids ON audit_log USING gin (subject_ids);
  SELECT to_char(date_trunc('month', COALESCE(min(at), now()) AT TIME ZONE 'UTC'), 'YYYY-MM-DD') INTO au_from FROM audit_log_plain;
  PERFORM partman.create_parent(s || '.audit_log', 'at', 'native', 'monthly', p_premake := 4, p_start_partition := au_from);
  INSERT INTO audit_log SELECT * FROM audit_log_plain;
  -- entries from before 0031 may lack a subject: NOT VALID keeps them, as on the plain table (added after the copy:
  -- a partitioned table takes no NOT VALID check, so it is checked on each partition)
  ALTER TABLE audit_log ADD CONSTRAINT audit_has_subject CHECK (subject_id IS NOT NULL OR subject_ids IS NOT NULL) NOT VALID;
  DROP TABLE audit_log_plain;
  CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION forbid_change();
  CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_chain();
  CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
END;
$$;

-- Where the audit chain starts once retention dropped its oldest months (both engines; one row or none): the seq and
-- hash of the last entry dropped, so `xiezhi audit verify` checks the kept chain from there instead of from genesis.
CREATE TABLE audit_floor (
  id         smallint PRIMARY KEY CHECK (id = 1),
  seq        bigint NOT NULL,
  hash       text NOT NULL,
  dropped_at timestamptz NOT NULL DEFAULT now(),
  through    timestamptz NOT NULL
);
