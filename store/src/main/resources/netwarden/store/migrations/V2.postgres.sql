CREATE INDEX source_minutes_addr ON source_minutes (addr_hi, addr_lo, ts);
CREATE INDEX source_minutes_asn ON source_minutes (asn, ts);
CREATE INDEX source_minutes_country ON source_minutes (country, ts);
CREATE INDEX source_minutes_ts ON source_minutes (ts);
CREATE INDEX incident_sources_addr ON incident_sources (addr_hi, addr_lo);
