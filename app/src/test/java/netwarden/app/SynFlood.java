package netwarden.app;

import netwarden.testkit.Frames;
import netwarden.testkit.PcapWriter;

/**
 * A synthetic SYN flood for app tests: {@code floodPackets} TCP SYNs spread evenly over one second,
 * each from a different source in 198.18.0.0/15 (random-looking TTLs, as forged packets have), to
 * {@value #TARGET}:{@value #PORT}; then {@code tailSeconds} of a quiet trickle (5 UDP packets a second from one
 * host to port 9999) so that, replayed live, the attack ends inside the file.
 */
public final class SynFlood {
    public static final long START = 1_700_000_000_000_000_000L;
    public static final String TARGET = "10.0.0.1";
    public static final int PORT = 25565;

    public final int floodPackets;
    public final byte[] bytes;

    public SynFlood(int floodPackets, int tailSeconds) {
        this.floodPackets = floodPackets;
        PcapWriter w = PcapWriter.micros(1);
        long step = 1_000_000_000L / floodPackets;
        for (int i = 0; i < floodPackets; i++) {
            String source = "198." + (18 + (i >> 16 & 1)) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
            byte[] syn = Frames.tcp(1024 + i % 60_000, PORT, 0x02);
            w.record(START + i * step, Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4(source, TARGET).ttl(32 + i % 200).packet(Frames.TCP, syn)));
        }
        for (long ms = 1000; ms < 1000 + tailSeconds * 1000L; ms += 200) {
            byte[] udp = Frames.udp(40_000, 9999, new byte[20]);
            w.record(START + ms * 1_000_000L, Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("10.0.0.50", TARGET).packet(Frames.UDP, udp)));
        }
        bytes = w.toByteArray();
    }
}
