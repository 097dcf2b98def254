-- Version 2: what search reads: per-(service, source) per-minute summaries (the top sources of each minute
-- plus one "others" row with address '*'), and each incident's top sources and source ports.
CREATE TABLE source_minutes (
  agent TEXT NOT NULL, service TEXT NOT NULL, ts BIGINT NOT NULL, address TEXT NOT NULL,
  addr_hi BIGINT, addr_lo BIGINT, country TEXT, asn BIGINT,
  packets BIGINT NOT NULL, bytes BIGINT NOT NULL, sources BIGINT NOT NULL);
CREATE TABLE incident_sources (
  agent TEXT NOT NULL, incident_id TEXT NOT NULL, address TEXT NOT NULL, addr_hi BIGINT NOT NULL, addr_lo BIGINT NOT NULL,
  country TEXT, asn BIGINT, packets BIGINT NOT NULL, bytes BIGINT NOT NULL,
  PRIMARY KEY (agent, incident_id, address));
CREATE TABLE incident_ports (
  agent TEXT NOT NULL, incident_id TEXT NOT NULL, port BIGINT NOT NULL, packets BIGINT NOT NULL,
  PRIMARY KEY (agent, incident_id, port));
