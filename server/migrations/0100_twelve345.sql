-- 12345 transfers (转办件): the 12345 track of a ticket filed by the 12345 centre. The ticket keeps its statutory
-- workflow; the transfer's own state (签收/退回/答复, replies, satisfaction, 重办) sits beside it in tickets.t12345,
-- and its deadlines (sign_12345_by, reply_12345_by) in tickets.deadlines with the statutory ones.
ALTER TABLE tickets ADD COLUMN t12345 jsonb;

-- What goes back to the centre (a reply or a return), one row per message and channel, with its delivery state.
-- The idempotency key is sent with every attempt so the receiver can drop a repeat. Co-located with tickets.
CREATE TABLE transfer_12345_deliveries (
  ticket_id        text NOT NULL,
  seq              int NOT NULL,                -- the message's number on this ticket (t12345.messages[].seq)
  channel          text NOT NULL CHECK (channel IN ('http', 'file')),
  idempotency_key  text NOT NULL,
  payload          jsonb NOT NULL,
  state            text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered')),
  attempts         int NOT NULL DEFAULT 0,
  last_error       text,
  last_attempt_at  timestamptz,
  next_attempt_at  timestamptz,
  delivered_at     timestamptz,
  created_at       timestamptz NOT NULL,
  PRIMARY KEY (ticket_id, seq, channel)
);
CREATE INDEX transfer_12345_deliveries_pending ON transfer_12345_deliveries (next_attempt_at) WHERE state = 'pending';

-- Feedback from the centre (满意度), kept by the centre's feedback id so a repeat changes nothing.
CREATE TABLE transfer_12345_feedback (
  ticket_id     text NOT NULL,
  feedback_id   text NOT NULL,
  satisfaction  text NOT NULL,
  comment       text,
  received_at   timestamptz NOT NULL,
  PRIMARY KEY (ticket_id, feedback_id)
);
