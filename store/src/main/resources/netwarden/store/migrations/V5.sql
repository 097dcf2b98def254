-- Version 5: flow-export traffic (NetFlow, IPFIX, sFlow collectors) per minute, exporter, interface pair and
-- 5-tuple, sampling rate applied, for search by address, exporter or port. Rows beyond the collector's bound
-- per minute are summed into one row per exporter with src and dst '*' (addresses null).
CREATE TABLE flow_minutes (
  agent TEXT NOT NULL, ts BIGINT NOT NULL, exporter TEXT NOT NULL, in_if BIGINT NOT NULL, out_if BIGINT NOT NULL,
  src TEXT NOT NULL, src_addr_hi BIGINT, src_addr_lo BIGINT, dst TEXT NOT NULL, dst_addr_hi BIGINT, dst_addr_lo BIGINT,
  src_port BIGINT NOT NULL, dst_port BIGINT NOT NULL, proto BIGINT NOT NULL,
  packets BIGINT NOT NULL, bytes BIGINT NOT NULL, flows BIGINT NOT NULL);
