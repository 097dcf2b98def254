package netwarden.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the replay benchmark's input: a classic little-endian microsecond pcap of minimum-size
 * Ethernet/IPv4/UDP frames (60 bytes captured and on the wire) from a fixed number of distinct
 * sources (10.0.0.0/8, drawn at random with a fixed seed) to a few game ports on 192.0.2.1, at
 * one million packets a second of capture time.
 *
 * <p>Two layouts: {@code random} (the default: each frame from a source drawn at random, to one of
 * four ports in turn, so a flow aggregator sees a flow per source and port) and {@code cycle} (issue
 * 11's second file: the sources take turns in order, each always from the same source port to the
 * same one of eight ports, so a flow aggregator sees only one flow per source).
 *
 * <p>Usage: {@code GenerateUdpCapture OUT.pcap [packets=5000000] [sources=100000] [seed=1] [random|cycle] [destinations=1]}
 * (with several destinations each source always sends to the same one of 192.0.2.1, .2, ..., so a
 * sharded engine can split the work).
 */
public final class GenerateUdpCapture {
    private static final int FRAME = 60;
    private static final int[] PORTS = {27015, 27960, 25565, 7777};
    private static final int[] CYCLE_PORTS = {27015, 27960, 25565, 7777, 28960, 3074, 9987, 2302};

    private GenerateUdpCapture() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: GenerateUdpCapture OUT.pcap [packets] [sources] [seed] [random|cycle] [destinations]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long packets = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000;
        int sources = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        String layout = args.length > 4 ? args[4] : "random";
        int destinations = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        if (destinations < 1 || destinations > 250) {
            System.err.println("destinations must be 1..250, not " + destinations);
            System.exit(2);
        }
        if (!layout.equals("random") && !layout.equals("cycle")) {
            System.err.println("layout must be random or cycle, not " + layout);
            System.exit(2);
        }
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            write(os, packets, sources, seed, layout.equals("cycle"), destinations);
        }
        System.err.printf("wrote %s: %d packets from %d sources (%s), %d bytes%n", out, packets, sources, layout, Files.size(out));
    }

    static void write(OutputStream os, long packets, int sources, long seed, boolean cycle) throws IOException {
        write(os, packets, sources, seed, cycle, 1);
    }

    /** {@code destinations}: each source always sends to the same one of 192.0.2.1, .2, ... (one by default). */
    static void write(OutputStream os, long packets, int sources, long seed, boolean cycle, int destinations) throws IOException {
        ByteBuffer hdr = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        hdr.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        os.write(hdr.array());
        var rnd = new SplittableRandom(seed);
        ByteBuffer rec = ByteBuffer.allocate(16 + FRAME);
        byte[] frame = rec.array();
        long t0 = 1_800_000_000_000_000L; // µs
        for (long i = 0; i < packets; i++) {
            long ts = t0 + i; // 1 µs apart: 1 Mpps
            int n = cycle ? (int) (i % sources) : rnd.nextInt(sources);
            int src = 0x0a000000 | (n + 1);
            int port = cycle ? CYCLE_PORTS[n & 7] : PORTS[(int) (i & 3)];
            rec.clear().order(ByteOrder.LITTLE_ENDIAN);
            rec.putInt((int) (ts / 1_000_000)).putInt((int) (ts % 1_000_000)).putInt(FRAME).putInt(FRAME);
            rec.order(ByteOrder.BIG_ENDIAN);
            rec.putLong(0x0200_0000_0001_0200L).putInt(0x0000_0002).putShort((short) 0x0800); // dst mac, src mac, type
            rec.putShort((short) 0x4500).putShort((short) 28).putShort((short) i).putShort((short) 0)
                    .put((byte) 64).put((byte) 17).putShort((short) 0).putInt(src).putInt(0xc0000201 + n % destinations);
            rec.putShort((short) (1024 + (src & 0x7fff))).putShort((short) port).putShort((short) 8).putShort((short) 0);
            while (rec.position() < rec.capacity()) rec.put((byte) 0); // Ethernet padding to 60 bytes
            os.write(frame);
        }
    }
}
