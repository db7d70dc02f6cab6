-- The national 12315 exchange: one row per file uploaded through the server (admin import), with its progress and
-- reconciliation (lines received vs tickets stored vs rejected vs skipped as already stored). A reference table:
-- small, one row per file.
CREATE TABLE import_batches (
  id           text PRIMARY KEY,
  filename     text NOT NULL,
  format       text NOT NULL CHECK (format IN ('tif', 'csv', 'xlsx')),
  sha256       text NOT NULL,
  bytes        bigint NOT NULL,
  source       text NOT NULL,
  state        text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'done', 'failed')),
  lines_read   integer NOT NULL DEFAULT 0,
  imported     integer NOT NULL DEFAULT 0,
  split        integer NOT NULL DEFAULT 0,
  rejected     integer NOT NULL DEFAULT 0,
  skipped      integer NOT NULL DEFAULT 0,
  duplicates   integer NOT NULL DEFAULT 0,
  rejects      jsonb NOT NULL DEFAULT '[]',   -- the first rejected lines: [{line, reason}]
  error        text,
  uploaded_by  text NOT NULL,
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz
);
CREATE INDEX import_batches_started ON import_batches (started_at DESC);
CREATE INDEX import_batches_sha ON import_batches (sha256);

-- Public disclosure: a business asks for a correction of what the disclosure page shows about it. Stored for the
-- administrator; the contact is personal data and sealed (shown masked).
CREATE TABLE disclosure_corrections (
  id           text PRIMARY KEY,
  business     text NOT NULL,
  business_key text NOT NULL,
  credit_code  text,
  reason       text NOT NULL,
  contact_enc  text,
  contact_mask text,
  state        text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'rejected')),
  filed_at     timestamptz NOT NULL
);
CREATE INDEX disclosure_corrections_filed ON disclosure_corrections (filed_at DESC);

-- The export sends a split report part inside its complaint's line: finding it by parent must not scan the table.
CREATE INDEX tickets_parent ON tickets (parent_id) WHERE parent_id IS NOT NULL;
