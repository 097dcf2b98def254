-- Version 6: the router profile (issue 15): LAN devices, their finished connections (conntrack), DNS log entries
-- (dnsmasq), firewall records (NFLOG) and scored anomalies. Anomaly incidents are rows of incidents (scope
-- 'device'), so they share its acknowledgement and notes. dev_hi/dev_lo key the device address as addr_hi/addr_lo
-- key the remote (see V1).
CREATE TABLE devices (
  agent TEXT NOT NULL, address TEXT NOT NULL, addr_hi BIGINT NOT NULL, addr_lo BIGINT NOT NULL, mac TEXT, name TEXT,
  first_seen_ms BIGINT NOT NULL, last_seen_ms BIGINT NOT NULL,
  PRIMARY KEY (agent, address));
CREATE TABLE router_connections (
  agent TEXT NOT NULL, device TEXT NOT NULL, dev_hi BIGINT NOT NULL, dev_lo BIGINT NOT NULL,
  remote TEXT NOT NULL, addr_hi BIGINT NOT NULL, addr_lo BIGINT NOT NULL, proto BIGINT NOT NULL, port BIGINT NOT NULL,
  packets_out BIGINT NOT NULL, bytes_out BIGINT NOT NULL, packets_in BIGINT NOT NULL, bytes_in BIGINT NOT NULL,
  domain TEXT, country TEXT, asn BIGINT, first_seen_ms BIGINT NOT NULL, last_seen_ms BIGINT NOT NULL);
CREATE TABLE router_dns (
  agent TEXT NOT NULL, ts_ms BIGINT NOT NULL, device TEXT, dev_hi BIGINT, dev_lo BIGINT, action TEXT NOT NULL,
  name TEXT, qtype TEXT, answer TEXT);
CREATE TABLE router_firewall (
  agent TEXT NOT NULL, ts_ms BIGINT NOT NULL, action TEXT NOT NULL, prefix TEXT, nflog_group BIGINT NOT NULL,
  device TEXT, dev_hi BIGINT, dev_lo BIGINT, remote TEXT, addr_hi BIGINT, addr_lo BIGINT,
  proto BIGINT NOT NULL, port BIGINT NOT NULL, length BIGINT NOT NULL);
CREATE TABLE anomalies (
  agent TEXT NOT NULL, ts_ms BIGINT NOT NULL, device TEXT NOT NULL, dev_hi BIGINT NOT NULL, dev_lo BIGINT NOT NULL,
  code TEXT NOT NULL, score BIGINT NOT NULL, evidence TEXT NOT NULL, remote TEXT, addr_hi BIGINT, addr_lo BIGINT,
  port BIGINT NOT NULL, incident_id TEXT);
