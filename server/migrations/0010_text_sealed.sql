-- Free text is personal data (issue 11): tickets.title/body now hold the REDACTED text (names, phones, ID numbers,
-- cards, plates, home addresses, e-mail, WeChat/QQ masked); the original title/body — and the pre-fill/extra values
-- that carried personal data — are AES-256-GCM sealed in text_enc (null when redaction changed nothing). Rows stored
-- before this migration keep redaction = 0 until the application converts them at start (server/modules/intake
-- commands/redact-stored.ts: it needs the sealing key, which SQL does not have).
ALTER TABLE tickets ADD COLUMN text_enc text;
ALTER TABLE tickets ADD COLUMN pii jsonb;                         -- kinds found and how often, e.g. {"mobile":1,"name":1}; never values
ALTER TABLE tickets ADD COLUMN redaction smallint NOT NULL DEFAULT 0; -- redactor version applied to title/body (0: not yet)
CREATE INDEX tickets_unredacted ON tickets (id) WHERE redaction = 0;
