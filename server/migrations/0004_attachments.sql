-- Evidence files attached to tickets (consumer's evidence, or a business's rebuttal of a fabricated claim 商家救济申诉),
-- with the checks run on them (perceptual hashes, AI-generation labels, capture dates). Co-located with tickets.
CREATE TABLE attachments (
  ticket_id   text NOT NULL,
  id          text NOT NULL,
  purpose     text NOT NULL CHECK (purpose IN ('evidence', 'rebuttal')),
  filename    text NOT NULL,
  mime        text,
  size        integer NOT NULL,
  sha256      text NOT NULL,
  dhash       text,
  phash       text,
  informative boolean NOT NULL DEFAULT false,
  person_key  text,
  flags       jsonb NOT NULL DEFAULT '[]',
  content     bytea NOT NULL,
  note        text,
  uploaded_by text,
  uploaded_role text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ticket_id, id)
);
CREATE INDEX attachments_dhash ON attachments (substr(dhash, 1, 4));
