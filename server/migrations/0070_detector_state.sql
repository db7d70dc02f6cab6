-- The live early-warning detector's progress: where its replay of stored tickets stands, so a restart can tell the
-- alerts it already raised live from those a replay finds in the past (back-dated imports), and /api/alerts can
-- report tickets seen and lag. One row per detector.
CREATE TABLE detector_state (
  name          text PRIMARY KEY,
  cursor_at     timestamptz,               -- received_at of the last ticket taken in, in arrival order
  cursor_id     text,
  open_day      date,                      -- the day the detector had open when it last saved (Asia/Shanghai)
  tickets_seen  bigint NOT NULL DEFAULT 0,
  replays       integer NOT NULL DEFAULT 0,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
