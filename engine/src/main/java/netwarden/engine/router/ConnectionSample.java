package netwarden.engine.router;

import java.time.Instant;
import netwarden.model.Ip;

/**
 * A connection of a LAN device as the scorer needs it: when it started (or was last updated),
 * the device, the remote address and port, the IP protocol, the bytes it sent (egress, 0 when
 * not yet known) and the remote's ASN (-1 when unknown).
 */
public record ConnectionSample(Instant time, Ip device, Ip remote, int proto, int port, long egressBytes, long asn) {}
