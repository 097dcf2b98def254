package netwarden.engine.router;

import netwarden.model.router.AnomalyCode;
import netwarden.model.Ip;

/**
 * An allowlist or suppression rule. Every condition that is set must match; unset ones match
 * anything (null, -1, or "" for {@code org}). An ALLOW rule names destinations whose connections
 * are not scored at all (it needs a remote, ASN, org or port); a SUPPRESS rule silences matching
 * hits (typically a code, for a device).
 *
 * @param remote a destination address, with {@code remoteLength} its prefix length (0-32 for IPv4, 0-128)
 * @param org the destination's organisation, compared case-insensitively
 */
public record RouterRule(Type type, Ip device, Ip remote, int remoteLength, long asn, String org, int port, AnomalyCode code) {
    public enum Type { ALLOW, SUPPRESS }

    public RouterRule {
        if (type == null) throw new IllegalArgumentException("router rule type is required");
        org = org == null ? "" : org.strip();
        if (remote != null) {
            int max = remote.isV4() ? 32 : 128;
            if (remoteLength < 0 || remoteLength > max)
                throw new IllegalArgumentException("router rule remote prefix length must be 0.." + max + ": " + remoteLength);
        }
        if (port < -1 || port > 65535) throw new IllegalArgumentException("router rule port must be 0..65535: " + port);
        if (type == Type.ALLOW && remote == null && asn < 0 && org.isEmpty() && port < 0)
            throw new IllegalArgumentException("an ALLOW rule needs a remote, ASN, org or port");
        if (type == Type.ALLOW && code != null) throw new IllegalArgumentException("an ALLOW rule takes no code (it allows the destination for all): " + code);
    }

    /** Whether this rule covers a connection or hit of {@code device} to {@code remote}:{@code port} in {@code asn}/{@code org}. */
    public boolean matches(Ip device, Ip remote, int port, long asn, String org, AnomalyCode code) {
        if (this.device != null && !this.device.equals(device)) return false;
        if (this.remote != null && (remote == null || !inPrefix(remote))) return false;
        if (this.asn >= 0 && this.asn != asn) return false;
        if (!this.org.isEmpty() && (org == null || !this.org.equalsIgnoreCase(org.strip()))) return false;
        if (this.port >= 0 && this.port != port) return false;
        return this.code == null || this.code == code;
    }

    private boolean inPrefix(Ip a) {
        if (a.isV4() != remote.isV4()) return false;
        int length = remote.isV4() ? remoteLength + 96 : remoteLength; // v4 lives in the low 32 bits of the mapped form
        return masked(a.hi(), length) == masked(remote.hi(), length) && masked(a.lo(), length - 64) == masked(remote.lo(), length - 64);
    }

    private static long masked(long half, int bits) {
        if (bits <= 0) return 0;
        if (bits >= 64) return half;
        return half & (-1L << (64 - bits));
    }
}
