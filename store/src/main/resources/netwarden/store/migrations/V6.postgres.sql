-- PostgreSQL indexes for the router pages' filters (device, remote, domain, code, time); DuckDB scans instead.
CREATE INDEX router_connections_last ON router_connections (last_seen_ms);
CREATE INDEX router_connections_dev ON router_connections (dev_hi, dev_lo, last_seen_ms);
CREATE INDEX router_connections_remote ON router_connections (addr_hi, addr_lo, last_seen_ms);
CREATE INDEX router_connections_domain ON router_connections (domain, last_seen_ms);
CREATE INDEX router_dns_ts ON router_dns (ts_ms);
CREATE INDEX router_dns_dev ON router_dns (dev_hi, dev_lo, ts_ms);
CREATE INDEX router_firewall_ts ON router_firewall (ts_ms);
CREATE INDEX anomalies_ts ON anomalies (ts_ms);
CREATE INDEX anomalies_dev ON anomalies (dev_hi, dev_lo, ts_ms);
CREATE INDEX anomalies_code ON anomalies (code, ts_ms);
