-- The duplicate check at intake reads each filer's latest tickets of the last 30 days (recentByComplainants). With
-- only (complainant_key) and (received_date) to choose from, PostgreSQL ANDed both bitmaps: every filing scanned the
-- whole month of the received_date index (108 k entries at 80 k tickets, 3.3 ms a person), so intake slowed as the
-- table grew — 480 filings/s on an empty server, 300/s at 80 k. One index on (person, newest first) answers it with
-- a few index entries at any size and serves every other lookup by complainant_key, so it replaces the old one.
CREATE INDEX tickets_complainant_recent ON tickets (complainant_key, received_at DESC);
DROP INDEX tickets_complainant;
