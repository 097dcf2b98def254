-- Version 3: ranges of source_minutes already rewritten sorted by address (see Store.compact), so each is
-- done once; an address search then reads one row group per sorted run instead of the whole table.
CREATE TABLE compactions (
  table_name TEXT NOT NULL, from_ts BIGINT NOT NULL, to_ts BIGINT NOT NULL, at_ms BIGINT NOT NULL, rows_rewritten BIGINT NOT NULL,
  PRIMARY KEY (table_name, from_ts, to_ts));
