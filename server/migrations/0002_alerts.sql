-- Early-warning alerts raised by the streaming detector, with their life cycle (new → confirmed/dismissed → handled).
-- A small table (hundreds a year): a Citus reference table.
CREATE TABLE alerts (
  id             text PRIMARY KEY,          -- hash of kind, subject and the day it was first detected
  kind           text NOT NULL,             -- group_dispute | concentrated_demand
  subject_type   text NOT NULL,
  subject_key    text NOT NULL,
  subject_label  text NOT NULL,
  window_start   date NOT NULL,
  window_end     date NOT NULL,
  detected_at    date NOT NULL,
  count          integer NOT NULL,
  complainants   integer NOT NULL,
  expected       double precision NOT NULL,
  score          double precision NOT NULL,
  recurrence_days double precision,
  ticket_ids     text[] NOT NULL,
  district_code  text,                      -- where most evidence tickets are handled: the unit the alert goes to
  state          text NOT NULL DEFAULT 'new',
  lifecycle      jsonb NOT NULL DEFAULT '{"state":"new","history":[]}',
  detail         jsonb NOT NULL DEFAULT '{}',
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alerts_detected ON alerts (detected_at DESC);
CREATE INDEX alerts_district ON alerts (district_code, state);
