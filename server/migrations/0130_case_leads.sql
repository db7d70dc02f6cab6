-- 诉转案: an on-site inspection that finds a violation opens a case lead — a report ticket (kind 'report', source
-- 'inspection', parent_id = the complaint) on the statutory 15 (+15) working-day verification clock. This table links
-- the complaint, the inspection and the lead, and keeps the case's outcome as the complaint shows it (立案/不予立案, the
-- penalty decision and its number). Co-located with the complaint (ticket_id leads the key).
CREATE TABLE case_leads (
  ticket_id      text NOT NULL,
  inspection_id  text NOT NULL,
  lead_id        text NOT NULL UNIQUE,
  source         text NOT NULL CHECK (source IN ('manual', 'platform')),
  opened_on      date NOT NULL,
  decision       text CHECK (decision IN ('case_opened', 'not_opened')),
  decision_no    text,
  decided_on     date,
  reason_text    text,
  penalty_no     text,
  penalty_amount numeric(14, 2),
  penalty_text   text,
  penalized_on   date,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (ticket_id, inspection_id)
);

-- Results pushed by the unified regulatory platform (一体化监管平台), by its own result id: a replay of the same
-- result answers what the first delivery answered and changes nothing; the same id with another body is refused.
CREATE TABLE regulatory_receipts (
  result_id   text PRIMARY KEY,
  kind        text NOT NULL,
  body_sha256 text NOT NULL,
  received_at timestamptz NOT NULL,
  answer      jsonb NOT NULL
);

ALTER TABLE inspections ADD COLUMN source text NOT NULL DEFAULT 'manual';
ALTER TABLE inspections ADD COLUMN platform_result_id text;
-- the platform names our task id only
CREATE INDEX inspections_id ON inspections (id);
