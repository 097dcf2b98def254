package netwarden.decode;

/** The LINKTYPE_* values the decoder understands (tcpdump.org link-layer header types). */
public final class LinkType {
    /** BSD loopback: 4-byte address family in the capturing host's byte order. */
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    /** DLT_RAW on most platforms (12) and on OpenBSD (14); both are raw IP. */
    public static final int RAW_12 = 12, RAW_14 = 14;
    public static final int RAW = 101;
    /** OpenBSD loopback: like NULL but the family is big-endian. */
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228, IPV6 = 229;
    public static final int LINUX_SLL2 = 276;

    private LinkType() {}

    /** True for the link types {@link PacketDecoder} can find IP packets in. */
    public static boolean supported(int linkType) {
        return switch (linkType) {
            case NULL, ETHERNET, RAW_12, RAW_14, RAW, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2 -> true;
            default -> false;
        };
    }
}
