-- Version 7 (issue 16): a central server's record of what its agents shipped. Rows of a shipped batch land in
-- the tables above with the agent's id in "agent"; the batch's sequence moves the agent's high-water mark in
-- the same transaction, so a retried batch is never stored twice. Lost stretches (a full agent spool evicted
-- them, or sequences never arrived) are kept as gaps.
CREATE TABLE agent_marks (
  agent TEXT NOT NULL, epoch BIGINT NOT NULL, hwm BIGINT NOT NULL, batches BIGINT NOT NULL, rows_stored BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL, PRIMARY KEY (agent, epoch));
CREATE TABLE agent_gaps (
  agent TEXT NOT NULL, epoch BIGINT NOT NULL, from_seq BIGINT NOT NULL, to_seq BIGINT NOT NULL,
  rows_lost BIGINT NOT NULL, bytes_lost BIGINT NOT NULL, recorded_ms BIGINT NOT NULL, PRIMARY KEY (agent, epoch, from_seq));
