-- PostgreSQL needs indexes for the page queries; DuckDB scans its column segments with zone maps instead
-- (an ART index would slow its appends for no gain at these sizes).
CREATE INDEX events_ts ON events (ts_ms);
CREATE INDEX events_service_ts ON events (service, ts_ms);
CREATE INDEX sessions_addr ON sessions (addr_hi, addr_lo);
CREATE INDEX sessions_last ON sessions (last_seen_ms);
CREATE INDEX incidents_start ON incidents (start_ms);
CREATE INDEX incident_notes_id ON incident_notes (incident_id);
CREATE INDEX rollup_1s_service_ts ON rollup_1s (service, ts);
CREATE INDEX rollup_1m_service_ts ON rollup_1m (service, ts);
CREATE INDEX rollup_1h_service_ts ON rollup_1h (service, ts);
