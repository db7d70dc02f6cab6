-- Ticket numbers without one sequence for the whole country. A number is 'XZ' + received date + a sequence value;
-- each cluster's sequence is its own, so two city shards of a province would hand out the same numbers. Every shard
-- therefore writes its prefix (1 to 4 digits, XIEZHI_SHARD at start) between the date and the counter:
-- XZ20261202 21 0000042. A deployment of one (the default) keeps the empty prefix, and every number already given
-- stays as it was. Ticket ids never used the sequence (they derive from source and source id). Citus: a reference
-- table (one row, the same on every node of one shard cluster).
CREATE TABLE deployment_shard (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  prefix text NOT NULL DEFAULT '' CHECK (prefix ~ '^[0-9]{0,4}$')
);
INSERT INTO deployment_shard DEFAULT VALUES;
