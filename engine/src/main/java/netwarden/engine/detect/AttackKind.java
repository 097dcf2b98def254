package netwarden.engine.detect;

import java.util.Locale;

/**
 * What an attack is named for, as {@link Classifier} decides it. {@link #label()} is the wire
 * name in events, the API, metrics and archives ({@code udp_flood}, {@code reflection_dns}); there
 * is one reflection kind per {@link AmplificationPorts} vector, in that table's order.
 */
public enum AttackKind {
    IP_FRAGMENT_FLOOD, TCP_SYN_FLOOD, TCP_ACK_RST_FLOOD, ICMP_FLOOD, UDP_FLOOD, TCP_FLOOD, MIXED_FLOOD,
    REFLECTION_CHARGEN, REFLECTION_DNS, REFLECTION_NTP, REFLECTION_SNMP, REFLECTION_CLDAP, REFLECTION_ISAKMP,
    REFLECTION_SSDP, REFLECTION_WS_DISCOVERY, REFLECTION_MEMCACHED, REFLECTION_BACNET, REFLECTION_QOTD,
    REFLECTION_PORTMAP, REFLECTION_NETBIOS, REFLECTION_RIP, REFLECTION_MSSQL, REFLECTION_ARD, REFLECTION_MDNS,
    REFLECTION_COAP, REFLECTION_UBIQUITI, REFLECTION_DVR;

    private static final AttackKind[] REFLECTION = new AttackKind[AmplificationPorts.count()];

    static {
        for (int i = 1; i < REFLECTION.length; i++)
            REFLECTION[i] = valueOf("REFLECTION_" + AmplificationPorts.name(i).toUpperCase(Locale.ROOT));
    }

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The reflection kind of the vector at {@code index} of {@link AmplificationPorts} (1..). */
    static AttackKind reflection(int index) {
        return REFLECTION[index];
    }

    public boolean reflection() {
        return name().startsWith("REFLECTION_");
    }

    public String label() {
        return label;
    }
}
