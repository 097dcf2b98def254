package netwarden.engine.detect;

import netwarden.model.AttackKind;

/**
 * UDP source ports of well-known reflection/amplification vectors. Traffic *from* these ports to
 * a game server or host in volume is a reflection attack: the victim never asked for it. Port 4500
 * (IPsec NAT traversal) answers like ISAKMP's 500 and is named as that vector.
 */
public final class AmplificationPorts {
    private static final int[] PORTS = {0, 19, 53, 123, 161, 389, 500, 1900, 3702, 11211, 47808,
            17, 111, 137, 520, 1434, 3283, 5353, 5683, 10001, 37810, 4500};
    private static final String[] NAMES = {"", "chargen", "dns", "ntp", "snmp", "cldap", "isakmp", "ssdp", "ws_discovery",
            "memcached", "bacnet", "qotd", "portmap", "netbios", "rip", "mssql", "ard", "mdns", "coap", "ubiquiti", "dvr", "isakmp"};
    private static final byte[] INDEX = new byte[65536];
    private static final AttackKind[] KINDS = new AttackKind[PORTS.length];

    static {
        for (int i = 1; i < PORTS.length; i++) {
            INDEX[PORTS[i]] = (byte) i;
            KINDS[i] = AttackKind.valueOf("REFLECTION_" + NAMES[i].toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The reflection attack kind of the vector at {@code index} (1..). */
    static AttackKind kind(int index) {
        return KINDS[index];
    }

    /** The reflection attack kind of a known vector port; null for any other port. */
    static AttackKind kindOfPort(int port) {
        int i = INDEX[port];
        return i == 0 ? null : KINDS[i];
    }

    private AmplificationPorts() {}

    /** 1.. for a known vector port, 0 otherwise. */
    public static int index(int port) {
        return INDEX[port];
    }

    public static int count() {
        return PORTS.length;
    }

    public static int port(int index) {
        return PORTS[index];
    }

    public static String name(int index) {
        return NAMES[index];
    }
}
