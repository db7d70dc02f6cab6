-- Knowledge: reply templates (versioned, never overwritten), the business compliance guide (避坑指南) and the
-- legal-basis library. Reference data, small: not distributed (a Citus deployment makes these reference tables).
-- Content ships in server/modules/knowledge/data/ and is loaded idempotently at start (seed rows carry a source).
CREATE TABLE knowledge_templates (
  key         text NOT NULL,
  version     integer NOT NULL CHECK (version >= 1),
  use         text NOT NULL CHECK (use IN ('12345', 'outcome')),
  category    text NOT NULL,
  title       text NOT NULL,
  body        text NOT NULL,
  source      text NOT NULL,
  note        text,
  edited_by   text NOT NULL,
  edited_at   timestamptz NOT NULL,
  PRIMARY KEY (key, version)
);
CREATE INDEX knowledge_templates_use ON knowledge_templates (use, category);

CREATE TABLE knowledge_guide (
  id          text PRIMARY KEY,
  seq         integer NOT NULL,
  title       text NOT NULL,
  category    text,
  problem     text,
  tags        jsonb NOT NULL DEFAULT '[]',
  case_text   text NOT NULL,
  analysis    text NOT NULL,
  tip         text NOT NULL,
  source      text NOT NULL,
  law_refs    jsonb NOT NULL DEFAULT '[]',
  updated_at  timestamptz NOT NULL
);
CREATE INDEX knowledge_guide_category ON knowledge_guide (category);

CREATE TABLE knowledge_laws (
  id            text PRIMARY KEY,
  law           text NOT NULL,
  short_name    text NOT NULL,
  issuer_no     text,
  article       text NOT NULL,
  article_no    integer NOT NULL,
  paragraph     integer,
  text          text NOT NULL,
  -- true: the text is a summary (摘要) of the article, not a verbatim quote
  is_summary    boolean NOT NULL,
  in_force_from date NOT NULL,
  in_force_to   date,
  source        text NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX knowledge_laws_lookup ON knowledge_laws (short_name, article_no);
