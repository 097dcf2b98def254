package netwarden.store;

/**
 * How rows that are replaced by key merge with what is stored (portable ON CONFLICT clauses). The rows are
 * staged in bulk first and merged by one INSERT … SELECT: one statement per table and batch, not per row.
 */
final class Upserts {
    private Upserts() {}

    static String conflict(Table t) {
        return switch (t) {
            // A session only grows: its rows come from the event sink (join, leave) and from the pipeline's snapshots
            // (players still online), two threads, so an older row may arrive last and must not lower the counts.
            case SESSIONS -> "ON CONFLICT (agent, service, address, first_seen_ms) DO UPDATE SET"
                    + " last_seen_ms = greatest(sessions.last_seen_ms, excluded.last_seen_ms),"
                    + " left_ms = CASE WHEN excluded.left_ms = 0 THEN sessions.left_ms ELSE excluded.left_ms END,"
                    + " packets_in = greatest(sessions.packets_in, excluded.packets_in),"
                    + " packets_out = greatest(sessions.packets_out, excluded.packets_out),"
                    + " bytes_in = greatest(sessions.bytes_in, excluded.bytes_in),"
                    + " bytes_out = greatest(sessions.bytes_out, excluded.bytes_out), country = coalesce(excluded.country, sessions.country),"
                    + " asn = CASE WHEN excluded.asn = 0 THEN sessions.asn ELSE excluded.asn END,"
                    + " flags = coalesce(excluded.flags, sessions.flags),"
                    + " name = coalesce(excluded.name, sessions.name)";
            // the acknowledgement belongs to people, the sample to the archive: a later write never clears them
            case INCIDENTS -> "ON CONFLICT (agent, id) DO UPDATE SET kind = excluded.kind, severity = excluded.severity,"
                    + " reason = excluded.reason, end_ms = excluded.end_ms, updated_ms = excluded.updated_ms,"
                    + " peak_pps = excluded.peak_pps, peak_bps = excluded.peak_bps, packets = excluded.packets,"
                    + " bytes = excluded.bytes, sources = excluded.sources, multi_source = excluded.multi_source,"
                    + " spoofing = excluded.spoofing, top_sources = excluded.top_sources, top_ports = excluded.top_ports,"
                    + " sample_pcap = coalesce(excluded.sample_pcap, incidents.sample_pcap)";
            case INCIDENT_SOURCES -> "ON CONFLICT (agent, incident_id, address) DO UPDATE SET packets = excluded.packets,"
                    + " bytes = excluded.bytes, country = excluded.country, asn = excluded.asn";
            case INCIDENT_PORTS -> "ON CONFLICT (agent, incident_id, port) DO UPDATE SET packets = excluded.packets";
            // the name belongs to people (Store.renameDevice): a sighting never clears it
            case DEVICES -> "ON CONFLICT (agent, address) DO UPDATE SET"
                    + " first_seen_ms = least(devices.first_seen_ms, excluded.first_seen_ms),"
                    + " last_seen_ms = greatest(devices.last_seen_ms, excluded.last_seen_ms),"
                    + " mac = coalesce(nullif(excluded.mac, ''), devices.mac), name = coalesce(devices.name, excluded.name)";
            default -> throw new IllegalArgumentException("not a table replaced by key: " + t);
        };
    }
}
