-- Administration (issue 15 §1): which station works each street/town, as edited by an administrator. The default is
-- one station per street (server/modules/access/domain/units.ts); a row here moves a street to another station of
-- the same district, and auto-dispatch follows it. A small reference table (replicated, not distributed, on Citus).
CREATE TABLE IF NOT EXISTS street_stations (
  street_code text PRIMARY KEY,
  unit_id     text NOT NULL REFERENCES units(id),
  updated_by  text,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- when a password was last set by an administrator (a reset), shown on the users screen
ALTER TABLE users ADD COLUMN IF NOT EXISTS password_set_at timestamptz;
