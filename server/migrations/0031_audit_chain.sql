-- Audit that cannot be dodged (issue 11 §3).
-- 1. A subject on every entry: one record (subject_id) or the records an export/share covered (subject_ids).
-- 2. A hash chain: each entry stores the previous entry's hash and its own hash over its canonical content; a single
--    head row, locked FOR UPDATE by the insert trigger, serialises concurrent writers so the chain has no forks.
--    `xiezhi audit verify` recomputes it (server/platform/audit/verify.ts uses the same canonical form).
-- 3. TRUNCATE refused like UPDATE/DELETE. On the PostgreSQL server the application role additionally owns no right to
--    truncate or disable triggers when DATABASE_MIGRATION_URL separates the roles (server/platform/db/roles.ts).
ALTER TABLE audit_log ADD COLUMN subject_ids text[];
ALTER TABLE audit_log ADD COLUMN seq bigint;
ALTER TABLE audit_log ADD COLUMN prev_hash text;
ALTER TABLE audit_log ADD COLUMN hash text;

CREATE TABLE audit_head (
  id   smallint PRIMARY KEY CHECK (id = 1),
  seq  bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Chain the entries written before this migration, in id order.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
DO $$
DECLARE r record; prev text := repeat('0', 64); h text; n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    h := encode(sha256(convert_to(prev || jsonb_build_array(n, (extract(epoch FROM r.at) * 1000000)::bigint, r.actor_id, r.actor_role, r.unit_id, r.action, r.subject_type, r.subject_id, r.subject_ids, r.purpose, r.detail)::text, 'UTF8')), 'hex');
    UPDATE audit_log SET seq = n, prev_hash = prev, hash = h WHERE id = r.id;
    prev := h;
  END LOOP;
  UPDATE audit_head SET seq = n, hash = prev WHERE id = 1;
END;
$$;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;

ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX audit_seq ON audit_log (seq);
-- entries written from now on name their subject (older export/share entries did not: NOT VALID keeps them)
ALTER TABLE audit_log ADD CONSTRAINT audit_has_subject CHECK (subject_id IS NOT NULL OR subject_ids IS NOT NULL) NOT VALID;

CREATE FUNCTION audit_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE h record;
BEGIN
  EXECUTE format('SELECT seq, hash FROM %I.audit_head WHERE id = 1 FOR UPDATE', TG_TABLE_SCHEMA) INTO h;
  NEW.seq := h.seq + 1;
  NEW.prev_hash := h.hash;
  NEW.hash := encode(sha256(convert_to(NEW.prev_hash || jsonb_build_array(NEW.seq, (extract(epoch FROM NEW.at) * 1000000)::bigint, NEW.actor_id, NEW.actor_role, NEW.unit_id, NEW.action, NEW.subject_type, NEW.subject_id, NEW.subject_ids, NEW.purpose, NEW.detail)::text, 'UTF8')), 'hex');
  EXECUTE format('UPDATE %I.audit_head SET seq = $1, hash = $2 WHERE id = 1', TG_TABLE_SCHEMA) USING NEW.seq, NEW.hash;
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_chain();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
CREATE TRIGGER ticket_events_no_truncate BEFORE TRUNCATE ON ticket_events FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_head_no_delete BEFORE DELETE OR TRUNCATE ON audit_head FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

-- the admin's audit search: by actor, action, subject and time
CREATE INDEX audit_at ON audit_log (at DESC);
CREATE INDEX audit_actor ON audit_log (actor_id, at DESC);
CREATE INDEX audit_action ON audit_log (action, at DESC);
CREATE INDEX audit_subject_ids ON audit_log USING gin (subject_ids);
