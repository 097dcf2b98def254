package netwarden.sources.ebpf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The binary layouts shared with {@code src/main/c/netwarden_tc.bpf.c}: map names, key and value
 * offsets, key classes. Change both files together.
 */
final class BpfLayout {
    static final String RESOURCE = "/netwarden/sources/ebpf/netwarden_tc.bpf.o";
    static final String[] PORT_MAPS = {"nw_ports0", "nw_ports1"};
    static final String[] FLOW_MAPS = {"nw_flows0", "nw_flows1"};
    static final String STATS_MAP = "nw_stats", SETTINGS_MAP = "nw_settings";
    static final String IN_ETH = "nw_in_eth", OUT_ETH = "nw_out_eth", IN_RAW = "nw_in_raw", OUT_RAW = "nw_out_raw";

    static final int DIR_IN = 0, DIR_OUT = 1;
    static final int CLASS_TCP = 0, CLASS_UDP = 1, CLASS_PORTLESS = 2, CLASS_NON_IP = 3;

    /** Port map: key u32 = dir << 24 | class << 16 | port; value per CPU: packets, bytes, syn_packets, syn_bytes. */
    static final int PORT_KEY_SIZE = 4, PORT_VALUE_SIZE = 32;

    /** Flow map key: remote[16], local[16], u16 local_port (host order), u8 proto, u8 flags, u32 pad. */
    static final int FLOW_KEY_SIZE = 40;
    static final int FK_REMOTE = 0, FK_LOCAL = 16, FK_PORT = 32, FK_PROTO = 34, FK_FLAGS = 35;
    static final int FLAG_OUT = 1, FLAG_HAS_PORT = 2, FLAG_IPV6 = 4;

    /** Flow map value: packets, bytes, syn_packets, syn_bytes, data_packets, first_ns, last_ns, u32 tcp_flags, pad. */
    static final int FLOW_VALUE_SIZE = 64;
    static final int FV_PACKETS = 0, FV_BYTES = 8, FV_SYN = 16, FV_SYN_BYTES = 24, FV_DATA = 32, FV_FIRST = 40,
            FV_LAST = 48, FV_FLAGS = 56;

    static final int STAT_FLOW_INSERTS_0 = 0, STAT_FLOW_INSERT_FAILURES = 2, STAT_PORT_INSERT_FAILURES = 3, STAT_COUNT = 4;

    /** Distinct port-map keys: 2 directions x (2 x 65536 ports + 256 protocols + 1 non-IP). */
    static final int PORT_KEYS = 2 * (2 * 65536 + 256 + 1);

    static final ValueLayout.OfLong BE_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;

    private BpfLayout() {}

    static int portKey(int dir, int cls, int port) {
        return dir << 24 | cls << 16 | port;
    }

    static int keyDir(int key) { return key >>> 24; }
    static int keyClass(int key) { return (key >>> 16) & 0xff; }
    static int keyPort(int key) { return key & 0xffff; }

    static long addrHi(MemorySegment s, long at) { return s.get(BE_LONG, at); }
    static long addrLo(MemorySegment s, long at) { return s.get(BE_LONG, at + 8); }
}
