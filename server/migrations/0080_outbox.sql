-- Domain events after commit (transactional outbox). A change and its events are written in one transaction; each
-- subscriber keeps its own cursor. Readers go in (xid, id) order and only over transactions older than every
-- transaction still running: ids come from a sequence but commits land in any order, so a cursor on id alone could
-- move past an event whose transaction commits later. Every transaction that is not yet visible has an xid at or
-- above the reader's xmin, hence after the cursor.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  type text NOT NULL,
  subject text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_order ON outbox (xid, id);
CREATE INDEX outbox_subject ON outbox (subject);

CREATE TABLE outbox_cursors (
  subscriber text PRIMARY KEY,
  xid xid8 NOT NULL DEFAULT '0',
  position bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
