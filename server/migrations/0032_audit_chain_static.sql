-- The chain trigger of 0031 built its two statements with format()/EXECUTE on every insert (no cached plan): about
-- 3× the cost of a plain insert. Same function with static SQL; the schema is pinned at creation time
-- (SET search_path FROM CURRENT: the schema the migration runs in, as 0031's TG_TABLE_SCHEMA did), so a caller's
-- search_path still cannot redirect it. Canonical form and hash unchanged (server/platform/audit/verify.ts).
CREATE OR REPLACE FUNCTION audit_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE h record;
BEGIN
  SELECT seq, hash INTO h FROM audit_head WHERE id = 1 FOR UPDATE;
  NEW.seq := h.seq + 1;
  NEW.prev_hash := h.hash;
  NEW.hash := encode(sha256(convert_to(NEW.prev_hash || jsonb_build_array(NEW.seq, (extract(epoch FROM NEW.at) * 1000000)::bigint, NEW.actor_id, NEW.actor_role, NEW.unit_id, NEW.action, NEW.subject_type, NEW.subject_id, NEW.subject_ids, NEW.purpose, NEW.detail)::text, 'UTF8')), 'hex');
  UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END;
$$;
