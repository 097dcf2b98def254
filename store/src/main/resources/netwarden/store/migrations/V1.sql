-- Version 1: events, player sessions, incidents with notes, per-service rollups.
-- Portable SQL (DuckDB and PostgreSQL). Times: *_ms epoch milliseconds, ts epoch seconds.
-- Addresses: text for display, addr_hi/addr_lo = the 128-bit address (IPv4 mapped) as two
-- sign-flipped BIGINTs, so an address is an equality and a prefix is a range on indexed integers.
-- agent: '' for a local store; the shipping agent's id on a central server (issue 16).
CREATE TABLE events (
  agent TEXT NOT NULL, ts_ms BIGINT NOT NULL, kind TEXT NOT NULL, service TEXT NOT NULL,
  address TEXT, addr_hi BIGINT, addr_lo BIGINT, country TEXT, asn BIGINT, flags TEXT,
  incident_id TEXT, detail TEXT NOT NULL);
CREATE TABLE sessions (
  agent TEXT NOT NULL, service TEXT NOT NULL, address TEXT NOT NULL, addr_hi BIGINT NOT NULL, addr_lo BIGINT NOT NULL,
  first_seen_ms BIGINT NOT NULL, last_seen_ms BIGINT NOT NULL, left_ms BIGINT NOT NULL,
  packets_in BIGINT NOT NULL, packets_out BIGINT NOT NULL, bytes_in BIGINT NOT NULL, bytes_out BIGINT NOT NULL,
  country TEXT, asn BIGINT, flags TEXT, name TEXT,
  PRIMARY KEY (agent, service, address, first_seen_ms));
CREATE TABLE incidents (
  agent TEXT NOT NULL, id TEXT NOT NULL, scope TEXT NOT NULL, target TEXT NOT NULL, service TEXT,
  kind TEXT NOT NULL, severity TEXT NOT NULL, reason TEXT NOT NULL,
  start_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL,
  peak_pps BIGINT NOT NULL, peak_bps BIGINT NOT NULL, packets BIGINT NOT NULL, bytes BIGINT NOT NULL,
  sources BIGINT NOT NULL, multi_source BOOLEAN NOT NULL, spoofing BOOLEAN NOT NULL,
  top_sources TEXT NOT NULL, top_ports TEXT NOT NULL, sample_pcap TEXT,
  acked_ms BIGINT NOT NULL, acked_by TEXT,
  PRIMARY KEY (agent, id));
CREATE TABLE incident_notes (
  agent TEXT NOT NULL, incident_id TEXT NOT NULL, ts_ms BIGINT NOT NULL, author TEXT NOT NULL, note TEXT NOT NULL);
CREATE TABLE rollup_1s (
  agent TEXT NOT NULL, service TEXT NOT NULL, ts BIGINT NOT NULL, packets BIGINT NOT NULL, bytes BIGINT NOT NULL,
  peak_pps BIGINT NOT NULL, peak_bps BIGINT NOT NULL, sources BIGINT NOT NULL, players BIGINT NOT NULL);
CREATE TABLE rollup_1m (
  agent TEXT NOT NULL, service TEXT NOT NULL, ts BIGINT NOT NULL, packets BIGINT NOT NULL, bytes BIGINT NOT NULL,
  peak_pps BIGINT NOT NULL, peak_bps BIGINT NOT NULL, sources BIGINT NOT NULL, players BIGINT NOT NULL);
CREATE TABLE rollup_1h (
  agent TEXT NOT NULL, service TEXT NOT NULL, ts BIGINT NOT NULL, packets BIGINT NOT NULL, bytes BIGINT NOT NULL,
  peak_pps BIGINT NOT NULL, peak_bps BIGINT NOT NULL, sources BIGINT NOT NULL, players BIGINT NOT NULL);
