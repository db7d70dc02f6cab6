-- The monitoring loop (seed 004): 监测指令发起 → 监测机构接收 → 监测结果反馈 → 市局分派 → 区局处置 → 处置结果反馈.
-- One tracked item per instruction; one assignment per district it was dispatched to; every step with its owner
-- (unit, user) and time in monitoring_steps (append-only, like a ticket's timeline).
CREATE SEQUENCE monitoring_no_seq;

CREATE TABLE monitoring_items (
  id               text PRIMARY KEY,
  no               text NOT NULL UNIQUE,
  title            text NOT NULL,
  topic            text NOT NULL,
  requirements     text NOT NULL,
  keywords         jsonb NOT NULL DEFAULT '[]',
  body_user_id     text NOT NULL,
  body_name        text NOT NULL,
  due_date         date,
  state            text NOT NULL CHECK (state IN ('issued', 'received', 'reported', 'dispatched', 'handled', 'closed')),
  findings_summary text,
  findings         jsonb NOT NULL DEFAULT '[]',
  summary          text,
  issued_at        timestamptz NOT NULL,
  closed_at        timestamptz,
  version          integer NOT NULL DEFAULT 0
);
CREATE INDEX monitoring_items_state ON monitoring_items (state, issued_at);
CREATE INDEX monitoring_items_body ON monitoring_items (body_user_id);

CREATE TABLE monitoring_assignments (
  item_id       text NOT NULL,
  district_code text NOT NULL,
  instruction   text NOT NULL,
  finding_refs  jsonb NOT NULL DEFAULT '[]',
  due_date      date,
  state         text NOT NULL CHECK (state IN ('assigned', 'handling', 'done')),
  handling      text,
  cases_opened  integer,
  accounts_handled integer,
  handled_by    text,
  handled_at    timestamptz,
  PRIMARY KEY (item_id, district_code)
);
CREATE INDEX monitoring_assignments_district ON monitoring_assignments (district_code, state);

CREATE TABLE monitoring_steps (
  item_id       text NOT NULL,
  seq           integer NOT NULL,
  at            timestamptz NOT NULL,
  action        text NOT NULL,
  actor_id      text NOT NULL,
  actor_name    text NOT NULL,
  actor_role    text NOT NULL,
  unit_id       text,
  unit_name     text,
  district_code text,
  payload       jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (item_id, seq)
);
CREATE TRIGGER monitoring_steps_append_only BEFORE UPDATE OR DELETE ON monitoring_steps FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- the monitoring body (第三方监测机构) signs in with a role of its own: it sees only the instructions addressed to it
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('public','operator','officer','supervisor','analyst','enterprise','partner','admin','monitor'));
