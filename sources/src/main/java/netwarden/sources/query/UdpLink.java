package netwarden.sources.query;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;

/**
 * A UDP socket bound once to an ephemeral port and kept: every query of a service leaves from the same
 * port. Connected to the target, so only its datagrams arrive and an ICMP port unreachable surfaces as
 * {@link java.net.PortUnreachableException} (the server is down, not slow).
 */
final class UdpLink implements java.io.Closeable {
    private static final int MAX_DATAGRAM = 65_535;
    private final QueryCounters counters;
    private final ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM);
    private DatagramChannel channel;
    private Selector selector;
    private InetSocketAddress connected;

    UdpLink(QueryCounters counters) { this.counters = counters; }

    void open() throws IOException {
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(0));
        channel.configureBlocking(false);
        selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    InetSocketAddress localAddress() {
        try {
            return channel == null ? null : (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** Drops what is left from earlier polls, then sends. */
    void send(InetSocketAddress target, byte[] datagram) throws IOException {
        if (!target.equals(connected)) {
            if (connected != null) channel.disconnect();
            channel.connect(target);
            connected = target;
        }
        buf.clear();
        try {
            while (channel.receive(buf) != null) {
                counters.staleAnswer();
                buf.clear();
            }
        } catch (java.net.PortUnreachableException e) {
            // an ICMP error left over from an earlier poll; this poll finds out for itself
        }
        channel.write(ByteBuffer.wrap(datagram));
        counters.sent(datagram.length);
    }

    /** The next datagram's bytes (a copy), waiting until {@code deadline} (System.nanoTime). */
    byte[] receive(long deadline, String what) throws IOException {
        while (true) {
            buf.clear();
            if (channel.receive(buf) != null) {
                buf.flip();
                byte[] out = new byte[buf.remaining()];
                buf.get(out);
                counters.received(out.length);
                return out;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new Querier.Timeout("no " + what + " in time");
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            selector.selectedKeys().clear();
        }
    }

    @Override
    public void close() throws IOException {
        if (selector != null) selector.close();
        if (channel != null) channel.close();
    }
}
