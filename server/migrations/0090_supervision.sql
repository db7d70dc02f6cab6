-- 督办: a district or city supervisor's supervision item on an overdue or sensitive ticket (by phone, online or on
-- site), with a due date and the response required; the station answers, the supervisor closes it with a finding.
-- Co-located with tickets (ticket_id leads the key).
CREATE TABLE supervisions (
  ticket_id     text NOT NULL,
  id            text NOT NULL,
  unit_id       text,
  district_code text,
  mode          text NOT NULL CHECK (mode IN ('phone', 'online', 'onsite')),
  reason        text NOT NULL CHECK (reason IN ('overdue', 'sensitive', 'repeated', 'leader', 'public_opinion', 'other')),
  required      text NOT NULL,
  due_date      date NOT NULL,
  state         text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'answered', 'closed')),
  opened_by     text NOT NULL,
  opened_level  text NOT NULL CHECK (opened_level IN ('district', 'city')),
  opened_at     timestamptz NOT NULL,
  response      text,
  answered_by   text,
  answered_at   timestamptz,
  finding       text,
  rating        text CHECK (rating IN ('satisfactory', 'unsatisfactory')),
  closed_by     text,
  closed_at     timestamptz,
  PRIMARY KEY (ticket_id, id)
);
CREATE INDEX supervisions_unit_state ON supervisions (unit_id, state);
CREATE INDEX supervisions_district_state ON supervisions (district_code, state);
