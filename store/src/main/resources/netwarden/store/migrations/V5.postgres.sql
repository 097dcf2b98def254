CREATE INDEX flow_minutes_src ON flow_minutes (src_addr_hi, src_addr_lo, ts);
CREATE INDEX flow_minutes_dst ON flow_minutes (dst_addr_hi, dst_addr_lo, ts);
CREATE INDEX flow_minutes_exporter ON flow_minutes (exporter, ts);
CREATE INDEX flow_minutes_ts ON flow_minutes (ts);
