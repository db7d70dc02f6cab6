-- Xiezhi initial schema. Same SQL on PGlite and PostgreSQL 15.
-- Citus-ready: tickets and everything that hangs off a ticket (events, documents, inspections) carry ticket_id and
-- would be distributed by it (co-located); units, users, rules, calendar are small reference tables. Primary keys of
-- distributed tables include ticket_id. Ticket ids are derived from (source, source id), so a re-import is an
-- ON CONFLICT no-op on the primary key and no cross-shard unique index is needed.

CREATE TABLE units (
  id            text PRIMARY KEY,            -- 'city', district code (310117) or 'S' || street code (S310117001)
  kind          text NOT NULL CHECK (kind IN ('city', 'district', 'station', 'triage')),
  name          text NOT NULL,
  parent_id     text REFERENCES units(id),
  district_code text,
  street_code   text
);

CREATE TABLE users (
  id            text PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  display_name  text NOT NULL,
  role          text NOT NULL CHECK (role IN ('public','operator','officer','supervisor','analyst','enterprise','partner','admin')),
  unit_id       text REFERENCES units(id),
  enterprise_key text,                       -- for role enterprise: the normalised business name it speaks for
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

CREATE TABLE enterprises (
  key          text PRIMARY KEY,             -- normalised business name
  name         text NOT NULL,
  credit_code  text,
  odr          boolean NOT NULL DEFAULT false,
  odr_since    date
);

CREATE SEQUENCE ticket_no_seq;

CREATE TABLE tickets (
  id               text PRIMARY KEY,          -- distribution key
  no               text NOT NULL,             -- human ticket number shown to people
  source           text NOT NULL,
  source_id        text NOT NULL,
  kind             text NOT NULL,
  channel          text,
  received_at      timestamptz NOT NULL,
  received_date    date NOT NULL,             -- Asia/Shanghai calendar date: deadlines count from it
  title            text,
  body             text,
  -- personal data: encrypted (AES-256-GCM) + keyed hashes (HMAC-SHA256) for matching; never stored in clear
  complainant_enc  text,
  complainant_key  text,                      -- person key (keyed hash of the best identifier)
  phone_hash       text,
  idno_hash        text,
  complainant_display jsonb,                  -- masked form for lists (e.g. {"name":"张*","phone":"138****5678"})
  real_name        boolean NOT NULL DEFAULT true,
  age_group        text,                      -- derived at intake from the ID number's birth date (一老一小), not identifying
  respondent_name  text,
  respondent_key   text,                      -- normalised business name
  respondent_address text,
  respondent_credit_code text,
  platform         text,
  location         text,
  amount           numeric,
  district_code    text,
  street_code      text,
  unit_id          text REFERENCES units(id),
  status           text NOT NULL,
  rule_version     text NOT NULL,
  due_date         date,                      -- the next statutory deadline of the current stage (null: clock stopped)
  due_kind         text,
  deadlines        jsonb NOT NULL DEFAULT '{}',
  suspended_since  date,
  outcome          text,
  legal_basis      text,
  labels           jsonb,
  predicted        jsonb,
  category         text,                      -- goods/service category: the source's label, else the model's (for analytics)
  problem          text,                      -- problem type, likewise
  decisions        smallint NOT NULL DEFAULT 0, -- statutory decisions taken (accept, decline, case decision, notices…)
  late_decisions   smallint NOT NULL DEFAULT 0, -- of which after their deadline (the on-time rate without scanning events)
  prefill          jsonb,
  extra            jsonb,
  parent_id        text,                      -- the complaint a report part was split from
  duplicate_of     text,
  odr_key          text,                      -- enterprise handling it in ODR
  abnormal         boolean NOT NULL DEFAULT false, -- complainant on the abnormal list at intake (KPI exclusion)
  satisfaction     smallint,
  track_hash       text,                      -- hash of the tracking code given to a public filer
  closed_at        timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 0
);
CREATE INDEX tickets_queue ON tickets (unit_id, due_date) WHERE closed_at IS NULL;
CREATE INDEX tickets_unit_received ON tickets (unit_id, received_at DESC);
CREATE INDEX tickets_received ON tickets (received_date);
CREATE INDEX tickets_respondent ON tickets (respondent_key);
CREATE INDEX tickets_complainant ON tickets (complainant_key);
CREATE INDEX tickets_district ON tickets (district_code, received_date);

-- Append-only ticket timeline (distributed by ticket_id, co-located with tickets).
CREATE TABLE ticket_events (
  ticket_id  text NOT NULL,
  seq        integer NOT NULL,
  at         timestamptz NOT NULL DEFAULT now(),
  actor_id   text,
  actor_role text,
  type       text NOT NULL,
  payload    jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (ticket_id, seq)
);

-- Append-only audit log of every view and export of personal data and every decision.
CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     text,
  actor_role   text,
  unit_id      text,
  action       text NOT NULL,
  subject_type text NOT NULL,
  subject_id   text,
  purpose      text,
  detail       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_subject ON audit_log (subject_type, subject_id);

CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append-only table %: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER ticket_events_append_only BEFORE UPDATE OR DELETE ON ticket_events FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE TABLE documents (
  ticket_id  text NOT NULL,
  id         text NOT NULL,
  kind       text NOT NULL,
  number     text NOT NULL,
  title      text NOT NULL,
  html       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text,
  PRIMARY KEY (ticket_id, id)
);

CREATE TABLE inspections (
  ticket_id  text NOT NULL,
  id         text NOT NULL,
  unit_id    text,
  business   text,
  address    text,
  checklist  jsonb NOT NULL DEFAULT '[]',
  assignee   text,
  status     text NOT NULL DEFAULT 'open',
  result     jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text,
  done_at    timestamptz,
  PRIMARY KEY (ticket_id, id)
);

CREATE TABLE calendar_overrides (
  year       integer PRIMARY KEY,
  data       jsonb NOT NULL,
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Officer corrections of pre-fill and classification: the training data of the next model version.
CREATE TABLE training_examples (
  id         bigserial PRIMARY KEY,
  ticket_id  text NOT NULL,
  label      text NOT NULL,
  value      text NOT NULL,
  previous   text,
  actor_id   text,
  at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE model_versions (
  id         text PRIMARY KEY,
  label      text NOT NULL,
  file       text NOT NULL,
  metrics    jsonb,
  active     boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE settings (
  key   text PRIMARY KEY,
  value jsonb NOT NULL
);
