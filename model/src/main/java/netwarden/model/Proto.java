package netwarden.model;

/** IP protocol numbers netwarden names, and the names used in JSON, metrics and config. */
public final class Proto {
    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMPV6 = 58;

    private Proto() {}

    /** "tcp", "udp", "icmp", "icmpv6", or "proto-N" for any other protocol number. */
    public static String name(int proto) {
        return switch (proto) {
            case TCP -> "tcp";
            case UDP -> "udp";
            case ICMP -> "icmp";
            case ICMPV6 -> "icmpv6";
            default -> "proto-" + proto;
        };
    }

    /** Inverse of {@link #name(int)}; throws with the offending text for anything else. */
    public static int parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "tcp" -> TCP;
            case "udp" -> UDP;
            case "icmp" -> ICMP;
            case "icmpv6" -> ICMPV6;
            default -> {
                if (n.startsWith("proto-")) {
                    try {
                        int v = Integer.parseInt(n.substring(6));
                        if (v >= 0 && v <= 255) yield v;
                    } catch (NumberFormatException ignored) {
                        // fall through to the error below
                    }
                }
                throw new IllegalArgumentException("unknown protocol: '" + name + "' (use tcp, udp, icmp, icmpv6 or proto-N)");
            }
        };
    }

    /** True for protocols whose header carries ports that netwarden reads. */
    public static boolean hasPorts(int proto) {
        return proto == TCP || proto == UDP;
    }
}
