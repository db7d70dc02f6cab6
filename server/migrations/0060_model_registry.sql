-- Model registry of the learning loop: a version is stored with its bytes (so the active one survives a restart and a
-- moved file), what it was trained on, and its evaluation on the held-out slice of the bureau's own history.
ALTER TABLE model_versions ADD COLUMN IF NOT EXISTS model bytea;
ALTER TABLE model_versions ADD COLUMN IF NOT EXISTS version text;
ALTER TABLE model_versions ADD COLUMN IF NOT EXISTS training jsonb;
ALTER TABLE model_versions ADD COLUMN IF NOT EXISTS evaluation jsonb;
ALTER TABLE model_versions ADD COLUMN IF NOT EXISTS registered_by text;
ALTER TABLE model_versions ADD COLUMN IF NOT EXISTS activated_at timestamptz;
ALTER TABLE model_versions ADD COLUMN IF NOT EXISTS activated_by text;
CREATE INDEX IF NOT EXISTS model_versions_label ON model_versions (label, created_at);
-- the next training run reads corrections per label, newest last
CREATE INDEX IF NOT EXISTS training_examples_label ON training_examples (label, ticket_id, id);
