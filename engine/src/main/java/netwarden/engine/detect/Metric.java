package netwarden.engine.detect;

import java.util.Locale;

/**
 * What a detector can watch. Metrics before {@link #SOURCES} are additive per 100 ms slot and
 * evaluated over a sliding second; distinct sources and new sources per ten seconds are not
 * additive, so they are judged per closed second. {@link #TCP_REFLECTION} counts SYN-ACK and bare
 * RST segments (answers to forged SYNs); {@link #NON_PLAYER} counts a service's packets from
 * sources that are not its players, judged against the players' own normal.
 */
public enum Metric {
    PPS, BPS, SYN, ACK_RST, FRAGMENTS, LATER_FRAGMENTS, UDP, TCP, ICMP, OTHER, REFLECTION, NEW_SOURCES,
    SYN_ACK, TCP_REFLECTION, NON_PLAYER, SOURCES, NEW_SOURCES_10S;

    /** Metrics kept per 100 ms slot (every metric before SOURCES). */
    public static final int ADDITIVE = SOURCES.ordinal();

    /** Config name: "pps", "ack-rst", "new-sources", ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Kept per 100 ms slot (else judged per closed second). */
    public boolean additive() {
        return ordinal() < ADDITIVE;
    }

    public static Metric parse(String key) {
        for (Metric m : values()) if (m.key().equals(key)) return m;
        throw new IllegalArgumentException("unknown detection metric: '" + key + "' (use one of "
                + java.util.Arrays.stream(values()).map(Metric::key).toList() + ")");
    }

    /** Unit for messages: packets/s for most, bits/s for BPS, sources/s for the source counts. */
    public String unit() {
        return switch (this) {
            case BPS -> "bit/s";
            case SOURCES -> "sources";
            case NEW_SOURCES -> "new sources/s";
            case NEW_SOURCES_10S -> "new sources/10s";
            default -> "pps";
        };
    }
}
