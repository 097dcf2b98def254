-- Version 3: ranges already rewritten sorted (source_minutes by address, rollup_1m by service; Store.compact),
-- so each is done once; a search or a chart then reads one row group per sorted run, not the whole table.
CREATE TABLE compactions (
  table_name TEXT NOT NULL, from_ts BIGINT NOT NULL, to_ts BIGINT NOT NULL, at_ms BIGINT NOT NULL, rows_rewritten BIGINT NOT NULL,
  PRIMARY KEY (table_name, from_ts, to_ts));
