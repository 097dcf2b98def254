package netwarden.app;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import netwarden.testkit.Frames;
import netwarden.testkit.PcapWriter;

/**
 * A small synthetic game capture for app tests, with its expected traffic rows tallied while it is
 * written (an oracle independent of the decoder): a UDP server 10.0.0.1:27960; Alice
 * (10.0.0.11) plays the whole 40 s, Bob (10.0.0.12) from 5 s to 20 s, each sending 25 packets/s
 * and getting 20 back; a query host (10.0.0.14) asks every 5 s from a new port and gets one
 * answer; one SYN to port 22; three ARP frames; one of Alice's frames cut by a 60-byte snaplen.
 */
public final class GameCapture {
    public static final long START = 1_700_000_000_000_000_000L;
    public static final long SECOND = 1_000_000_000L;
    public static final String SERVER = "10.0.0.1", ALICE = "10.0.0.11", BOB = "10.0.0.12", QUERY = "10.0.0.14";
    public static final int GAME_PORT = 27960;
    public static final long DURATION_SECONDS = 40;

    /** Expected per-(proto, dst_port) totals; key "udp/27960". */
    public final Map<String, long[]> rows = new TreeMap<>();
    private final Map<String, Set<String>> sources = new TreeMap<>();
    public long frames, nonIp, truncated;
    /** Bytes the snaplen cut dropped (from the udp/27960 row's captured bytes). */
    public long cutLost;
    public final byte[] bytes;

    public GameCapture() {
        PcapWriter w = PcapWriter.micros(1);
        var events = new TreeMap<Long, byte[][]>();
        for (long ms = 0; ms < DURATION_SECONDS * 1000; ms += 40) add(events, ms, udp(ALICE, 40_001, SERVER, GAME_PORT, 60));
        for (long ms = 20; ms < DURATION_SECONDS * 1000; ms += 50) add(events, ms, udp(SERVER, GAME_PORT, ALICE, 40_001, 300));
        for (long ms = 5000; ms < 20_000; ms += 40) add(events, ms + 7, udp(BOB, 40_002, SERVER, GAME_PORT, 60));
        for (long ms = 5000; ms < 20_000; ms += 50) add(events, ms + 27, udp(SERVER, GAME_PORT, BOB, 40_002, 300));
        for (int i = 0; i < 8; i++) {
            add(events, 2500 + i * 5000L, udp(QUERY, 50_000 + i, SERVER, GAME_PORT, 20));
            add(events, 2510 + i * 5000L, udp(SERVER, GAME_PORT, QUERY, 50_000 + i, 900));
        }
        add(events, 3333, Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("10.0.0.99", SERVER).packet(Frames.TCP, Frames.tcp(4444, 22, 0x02))));
        for (int i = 0; i < 3; i++) add(events, 1001 + i * 10_000L, Frames.ethernet(Frames.ETH_ARP, new byte[28]));
        boolean cut = false;
        for (var e : events.entrySet()) {
            for (byte[] frame : e.getValue()) {
                long ts = START + e.getKey() * 1_000_000L;
                if (!cut && e.getKey() >= 30_000 && frame.length > 60 && frame[14 + 12 + 3] == 11) { // Alice -> server
                    w.record(ts, Frames.cut(frame, 60), frame.length);
                    truncated++;
                    cutLost = frame.length - 60;
                    cut = true;
                } else {
                    w.record(ts, frame);
                }
            }
        }
        bytes = w.toByteArray();
    }

    private void add(TreeMap<Long, byte[][]> events, long ms, byte[] frame) {
        events.merge(ms, new byte[][] {frame}, (a, b) -> {
            byte[][] c = java.util.Arrays.copyOf(a, a.length + 1);
            c[a.length] = b[0];
            return c;
        });
        frames++;
        int etherType = ((frame[12] & 0xff) << 8) | (frame[13] & 0xff);
        if (etherType != Frames.ETH_IPV4) {
            nonIp++;
            return;
        }
        int proto = frame[14 + 9] & 0xff;
        int dstPort = ((frame[14 + 20 + 2] & 0xff) << 8) | (frame[14 + 20 + 3] & 0xff);
        String src = (frame[26] & 0xff) + "." + (frame[27] & 0xff) + "." + (frame[28] & 0xff) + "." + (frame[29] & 0xff);
        String key = (proto == Frames.TCP ? "tcp/" : "udp/") + dstPort;
        long[] r = rows.computeIfAbsent(key, k -> new long[5]);
        r[0]++;                                                  // packets
        r[1] += frame.length;                                    // wire bytes
        r[2] += ((frame[16] & 0xff) << 8) | (frame[17] & 0xff);  // IPv4 total length
        if (proto == Frames.TCP) r[4]++;                         // the only TCP frame is a SYN
        sources.computeIfAbsent(key, k -> new TreeSet<>()).add(src);
        r[3] = sources.get(key).size();                          // distinct sources
    }

    private static byte[] udp(String src, int srcPort, String dst, int dstPort, int payload) {
        return Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4(src, dst).packet(Frames.UDP, Frames.udp(srcPort, dstPort, new byte[payload])));
    }
}
