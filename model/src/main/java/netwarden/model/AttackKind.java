package netwarden.model;

import java.util.Locale;

/**
 * What an attack is named for. {@link #label()} (also {@link #toString()}) is the wire name in
 * events, the API, metrics and archives ({@code udp_flood}, {@code reflection_dns}); there is one
 * reflection kind per amplification vector the detector knows.
 */
public enum AttackKind {
    IP_FRAGMENT_FLOOD, TCP_SYN_FLOOD, TCP_ACK_RST_FLOOD, ICMP_FLOOD, UDP_FLOOD, TCP_FLOOD, MIXED_FLOOD,
    REFLECTION_CHARGEN, REFLECTION_DNS, REFLECTION_NTP, REFLECTION_SNMP, REFLECTION_CLDAP, REFLECTION_ISAKMP,
    REFLECTION_SSDP, REFLECTION_WS_DISCOVERY, REFLECTION_MEMCACHED, REFLECTION_BACNET, REFLECTION_QOTD,
    REFLECTION_PORTMAP, REFLECTION_NETBIOS, REFLECTION_RIP, REFLECTION_MSSQL, REFLECTION_ARD, REFLECTION_MDNS,
    REFLECTION_COAP, REFLECTION_UBIQUITI, REFLECTION_DVR,
    /** SYN-ACK and RST answers from TCP servers, sent there by SYNs forged with the victim's address. */
    REFLECTION_TCP;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The kind whose wire name is {@code label}; IllegalArgumentException when none is. */
    public static AttackKind ofLabel(String label) {
        for (AttackKind k : values()) if (k.label.equals(label)) return k;
        throw new IllegalArgumentException("unknown attack kind: " + label);
    }

    public boolean reflection() {
        return name().startsWith("REFLECTION_");
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
