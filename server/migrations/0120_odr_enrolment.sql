-- ODR at platform scale: enrolment of ODR enterprises (application → approval/rejection → withdrawal), their own
-- settlement window, the platform they belong to, a contact (sealed: it names a person); API keys for a firm's bulk
-- work (only a hash is stored), and the idempotency record of bulk items so a retried request never acts twice.
-- enterprises stays a small reference table; `odr` remains the one flag the workflow reads (true only when approved).
ALTER TABLE enterprises ADD COLUMN enrol_state text CHECK (enrol_state IN ('applied', 'approved', 'rejected', 'withdrawn'));
ALTER TABLE enterprises ADD COLUMN window_days integer CHECK (window_days BETWEEN 1 AND 60);
ALTER TABLE enterprises ADD COLUMN platform text;
ALTER TABLE enterprises ADD COLUMN contact_enc text;
ALTER TABLE enterprises ADD COLUMN applied_by text;
ALTER TABLE enterprises ADD COLUMN applied_at timestamptz;
ALTER TABLE enterprises ADD COLUMN decided_by text;
ALTER TABLE enterprises ADD COLUMN decided_at timestamptz;
ALTER TABLE enterprises ADD COLUMN decision_note text;
-- firms enrolled before enrolment existed (the demo loader, older databases) are approved
UPDATE enterprises SET enrol_state = 'approved' WHERE odr;

CREATE TABLE odr_api_keys (
  id             text PRIMARY KEY,
  enterprise_key text NOT NULL REFERENCES enterprises(key),
  prefix         text NOT NULL,              -- the first characters, shown in lists so a firm can tell its keys apart
  key_hash       text NOT NULL UNIQUE,       -- SHA-256 of the secret (256 random bits: a slow hash adds nothing)
  label          text NOT NULL,
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL,
  revoked_at     timestamptz,
  revoked_by     text,
  last_used_at   timestamptz
);
CREATE INDEX odr_api_keys_enterprise ON odr_api_keys (enterprise_key);

-- one row per bulk item that took effect, written in the transaction of its effect (settle/decline) — a retry with
-- the same key answers the stored result instead of acting again
CREATE TABLE odr_bulk_items (
  enterprise_key  text NOT NULL,
  idempotency_key text NOT NULL,
  op              text NOT NULL CHECK (op IN ('settle', 'decline', 'evidence')),
  ticket_id       text NOT NULL,
  result          jsonb NOT NULL,
  at              timestamptz NOT NULL,
  PRIMARY KEY (enterprise_key, idempotency_key)
);

-- the firm's inbox and statistics read tickets by the enterprise handling them
CREATE INDEX tickets_odr ON tickets (odr_key, status) WHERE odr_key IS NOT NULL;
-- every action looks a ticket up by id or by its number (`id = $1 OR no = $1`): without this index the number side
-- scanned the whole table per action — per item of a bulk settlement
CREATE INDEX tickets_no ON tickets (no);
