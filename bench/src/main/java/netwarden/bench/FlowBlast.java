package netwarden.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;
import netwarden.testkit.ByteWriter;
import netwarden.testkit.FlowExports;
import netwarden.testkit.FlowExports.Field;

/**
 * The export stream of the end-to-end flow benchmark: NetFlow v9 datagrams of {@value #RECORDS} records
 * (FlowDecodeBench's 19-field template, sampler 1 at 1:1000), the template and sampler options first and
 * again every 1,000 datagrams, paced to a rate in records per second, over UDP to 127.0.0.1:PORT.
 * Every datagram's records differ (source addresses count up), and its sequence number counts the export
 * packets sent before it (RFC 3954), so collectors that check sequences see none missing at the sender.
 *
 * <p>{@code java ... netwarden.bench.FlowBlast PORT RECORDS_PER_SECOND SECONDS} (rate 0: as fast as possible);
 * prints {@code sent DATAGRAMS datagrams RECORDS records in S s}.
 */
public final class FlowBlast {
    static final int RECORDS = 24;
    private static final Field[] TEMPLATE = {Field.of(8, 4), Field.of(12, 4), Field.of(7, 2), Field.of(11, 2), Field.of(4, 1),
        Field.of(6, 1), Field.of(5, 1), Field.of(1, 4), Field.of(2, 4), Field.of(10, 4), Field.of(14, 4), Field.of(15, 4),
        Field.of(16, 4), Field.of(17, 4), Field.of(9, 1), Field.of(13, 1), Field.of(22, 4), Field.of(21, 4), Field.of(48, 1)};

    private FlowBlast() {}

    static byte[] setup() {
        ByteWriter options = new ByteWriter().u32(0).u8(1).u32(1000);
        FlowExports.Message m = FlowExports.v9(1).optionsTemplate(300, 1, Field.of(1, 4), Field.of(48, 1), Field.of(34, 4))
                .data(300, 1, options.toByteArray()).template(256, TEMPLATE);
        return m.toByteArray();
    }

    /** A data datagram whose records start at source address 10.0.0.0 + {@code first}. */
    static byte[] data(int first, long sequence, long unixSeconds) {
        ByteWriter records = new ByteWriter();
        for (int i = 0; i < RECORDS; i++) {
            int n = first + i;
            records.u32(0x0a000000L | (n & 0xffffff)).u32(0xc6336401L).u16(40000 + (n & 0x3ff)).u16(27015).u8(17).u8(0).u8(0)
                    .u32(1200L + n % 100).u32(1 + n % 5).u32(3).u32(4).u32(0xc0000201L).u32(64500).u32(64501).u8(24).u8(16)
                    .u32(9000).u32(9500).u8(1);
        }
        byte[] body = FlowExports.v9(1).data(256, RECORDS, records.toByteArray()).toByteArray();
        ByteBuffer b = ByteBuffer.wrap(body);
        b.putInt(8, (int) unixSeconds); // export time: now, so the records (sysUpTime 9.0-9.5 s of 10 s) are a second old
        b.putInt(12, (int) sequence);
        return body;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long rate = Long.parseLong(args[1]);
        double seconds = Double.parseDouble(args[2]);
        InetSocketAddress to = new InetSocketAddress("127.0.0.1", port);
        byte[] setup = setup();
        long unix = System.currentTimeMillis() / 1000;
        // Pre-built datagrams (a ring of distinct ones), so the sender measures the receiver, not its own encoding.
        byte[][] ring = new byte[4096][];
        for (int i = 0; i < ring.length; i++) ring[i] = data(i * RECORDS, 0, unix);
        try (DatagramChannel ch = DatagramChannel.open()) {
            ch.connect(to);
            long packets = 0;
            ByteBuffer.wrap(setup).putInt(12, (int) packets++);
            ch.write(ByteBuffer.wrap(setup));
            long intervalNanos = rate == 0 ? 0 : (long) (1e9 * RECORDS / rate);
            long start = System.nanoTime(), end = start + (long) (seconds * 1e9), next = start;
            long datagrams = 0;
            while (System.nanoTime() < end) {
                if (intervalNanos > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 50_000) LockSupport.parkNanos(wait - 20_000);
                    while (System.nanoTime() < next) Thread.onSpinWait();
                    next += intervalNanos;
                }
                byte[] d = ring[(int) (datagrams % ring.length)];
                ByteBuffer.wrap(d).putInt(12, (int) packets++);
                ch.write(ByteBuffer.wrap(d));
                datagrams++;
                if (datagrams % 1000 == 0) {
                    ByteBuffer.wrap(setup).putInt(12, (int) packets++);
                    ch.write(ByteBuffer.wrap(setup));
                }
            }
            double took = (System.nanoTime() - start) / 1e9;
            System.out.printf("sent %d datagrams %d records in %.2f s (%.0f records/s)%n", datagrams, datagrams * RECORDS, took,
                    datagrams * RECORDS / took);
        }
    }
}
