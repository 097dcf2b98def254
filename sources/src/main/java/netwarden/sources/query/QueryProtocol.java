package netwarden.sources.query;

import java.util.Locale;

/** The game query protocols netwarden speaks ({@code services[].query} in the config). */
public enum QueryProtocol {
    /** Quake 3 / ioquake3 {@code getstatus} over UDP (OpenArena, Urban Terror, Wolfenstein: ET...). */
    QUAKE3("udp"),
    /** Valve A2S_INFO + A2S_PLAYER over UDP (Source, GoldSource and the many games using Steam's server browser). */
    A2S("udp"),
    /** Minecraft Java Edition Server List Ping over TCP. */
    MINECRAFT("tcp");

    private final String transport;

    QueryProtocol(String transport) { this.transport = transport; }

    /** {@code udp} or {@code tcp}: the transport of the local port the queries leave from. */
    public String transport() { return transport; }

    public String configName() { return name().toLowerCase(Locale.ROOT); }

    /** The config spelling ({@code quake3}, {@code a2s}, {@code minecraft}). */
    public static QueryProtocol parse(String s) {
        for (QueryProtocol p : values()) if (p.configName().equals(s)) return p;
        throw new IllegalArgumentException("query must be quake3, a2s or minecraft: '" + s + "'");
    }
}
