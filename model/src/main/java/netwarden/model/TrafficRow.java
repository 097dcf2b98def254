package netwarden.model;

/**
 * Exact per-(ip_version, proto, dst_port) totals of a capture; the replay JSON "traffic" rows.
 * {@code dstPort} is -1 when the frame carried no readable outermost TCP/UDP header.
 * {@code ipVersion} 0 with proto -1 is the row of non-IP frames.
 */
public record TrafficRow(int ipVersion, int proto, int dstPort, long packets, long wireBytes, long capturedBytes,
                         long ipBytes, long uniqueSources, long synOnly, long firstFragments, long nonfirstFragments) {}
