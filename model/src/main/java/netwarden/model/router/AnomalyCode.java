package netwarden.model.router;

/**
 * What a device did that its own history says is unusual, with a fixed score (0-100: how much a
 * person should care, used to rank hits and incidents). The evidence of each hit names the numbers.
 */
public enum AnomalyCode {
    /** A destination address the device never talked to (after its learning period). */
    NEW_DST(10),
    /** A destination not seen for longer than the dormancy period, talked to again. */
    DORMANT_DST(15),
    /** A destination network (ASN) the device never talked to. */
    NEW_ASN(25),
    /** A destination port the device used for less than the rare share of its connections. */
    RARE_PORT(20),
    /** An IP protocol the device never used (e.g. GRE from a TV). */
    UNEXPECTED_PROTO(30),
    /** Egress bytes in a minute above the device's 24-hour per-minute p95 times the factor. */
    HIGH_EGRESS(40),
    /** Distinct destinations in a minute above the device's p95 times the factor. */
    HIGH_FANOUT(35),
    /** One remote probed on many distinct ports within a minute. */
    PORT_SCAN_LIKE(60),
    /** Firewall drops from the device in a minute at or above the threshold. */
    FIREWALL_DROPS(30);

    private final int score;

    AnomalyCode(int score) {
        this.score = score;
    }

    public int score() {
        return score;
    }

    /** The kind of the event a hit with this code is ({@code anomaly_port_scan_like}), which notification routes match. */
    public String eventKind() {
        return "anomaly_" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
