-- At rest (issue 11 §2): evidence files and decision documents are sealed with the personal-data key like the
-- structured complainant. New rows write only the *_enc columns; rows stored before this migration are sealed by the
-- application on its next start (server/app.ts → sealLegacyRows), which then clears the clear columns. Every sealed
-- column is named *_enc: `xiezhi reseal` finds them by that name.
ALTER TABLE attachments ADD COLUMN content_enc bytea;
ALTER TABLE attachments ALTER COLUMN content DROP NOT NULL;
ALTER TABLE documents ADD COLUMN html_enc text;
ALTER TABLE documents ALTER COLUMN html DROP NOT NULL;

-- The keyring: one row per master key this database has been sealed with (key id = HMAC fingerprint, never the key).
-- mac_sealed is the matching (HMAC) key, sealed under that master key, so person links survive a rotation.
CREATE TABLE seal_keys (
  kid         text PRIMARY KEY,
  mac_sealed  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  retired_at  timestamptz
);
