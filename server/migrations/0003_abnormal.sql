-- The 投诉举报异常名录: model proposals and supervisor decisions about persons (keyed by the person key — a keyed
-- hash, never a raw identifier), with the full due-process history. Imported lists of other districts are kept apart
-- and matched on keyed hashes only. Both small: Citus reference tables.
CREATE TABLE abnormal_entries (
  id            text PRIMARY KEY,
  person_key    text NOT NULL,
  district_code text,
  state         text NOT NULL,
  score         double precision NOT NULL,
  criteria      jsonb NOT NULL,
  entry         jsonb NOT NULL,           -- the due-process record (server/modules/risk ListEntry) incl. history
  ticket_ids    text[] NOT NULL DEFAULT '{}',
  display       jsonb,                    -- masked name/phone for lists
  expires_at    date,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX abnormal_person ON abnormal_entries (person_key);
CREATE INDEX abnormal_state ON abnormal_entries (state, district_code);

CREATE TABLE abnormal_imports (
  id          bigserial PRIMARY KEY,
  source      text NOT NULL,              -- the district/department the list came from
  entry_ref   text NOT NULL,
  keys        text[] NOT NULL,            -- keyed hashes of ID number / phone under the shared key
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by text
);
