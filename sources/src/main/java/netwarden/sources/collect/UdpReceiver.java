package netwarden.sources.collect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import netwarden.model.Clock;
import netwarden.model.Ip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's socket and its receive thread. The thread only reads: each datagram is copied out
 * of the one direct buffer with its source address and receive time and offered to the decoder's
 * bounded queue; when that is full the datagram is dropped and counted, so a slow decoder never
 * makes the kernel drop instead (which could not be told apart from the network losing it).
 */
final class UdpReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpReceiver.class);
    private static final int MAX_DATAGRAM = 65_535;

    final CollectListener listener;
    final LongAdder received = new LongAdder();
    final LongAdder queueDrops = new LongAdder();
    private final BlockingQueue<RawDatagram> queue;
    private final Clock clock;
    private DatagramChannel channel;
    private Thread thread;
    private volatile int bufferBytes;
    private volatile int boundPort;

    UdpReceiver(CollectListener listener, BlockingQueue<RawDatagram> queue, Clock clock) {
        this.listener = listener;
        this.queue = queue;
        this.clock = clock;
    }

    /** Binds the port and sizes the receive buffer (logging what the kernel granted); reading starts with {@link #start()}. */
    void open(int requestedBuffer) throws IOException {
        InetSocketAddress a = listener.address();
        channel = DatagramChannel.open(a.getAddress() instanceof java.net.Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, requestedBuffer);
            channel.bind(a);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot listen for " + listener.kind().key() + " on " + listener.label() + ": " + e.getMessage(), e);
        }
        boundPort = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        String where = listener.address().getPort() == 0 ? listener.label().replaceFirst(":0$", ":" + boundPort) : listener.label();
        bufferBytes = channel.getOption(StandardSocketOptions.SO_RCVBUF);
        long rmemMax = KernelUdp.rmemMax();
        // Linux doubles what it grants (bookkeeping), so a granted size below the request means rmem_max capped it.
        if (bufferBytes < requestedBuffer) {
            LOG.warn("{} collector {}: receive buffer is {} bytes, not the {} asked for (net.core.rmem_max is {}); bursts may be "
                    + "dropped by the kernel: raise it with sysctl -w net.core.rmem_max={}", listener.kind().key(), where,
                    bufferBytes, requestedBuffer, rmemMax < 0 ? "unknown" : Long.toString(rmemMax), requestedBuffer);
        } else {
            LOG.info("{} collector listening on {} (receive buffer {} bytes; net.core.rmem_max {})", listener.kind().key(),
                    where, bufferBytes, rmemMax < 0 ? "unknown" : Long.toString(rmemMax));
        }
    }

    void start() {
        thread = Thread.ofPlatform().name("netwarden-collect-" + listener.kind().key() + "-" + boundPort).daemon().start(this::receive);
    }

    int port() {
        return boundPort;
    }

    int bufferBytes() {
        return bufferBytes;
    }

    private void receive() {
        ByteBuffer buf = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        while (true) {
            InetSocketAddress from;
            try {
                buf.clear();
                from = (InetSocketAddress) channel.receive(buf);
            } catch (ClosedChannelException e) {
                return; // closed by close(): the normal end
            } catch (IOException e) {
                if (!channel.isOpen()) return;
                LOG.warn("{} collector {}: receive failed: {}", listener.kind().key(), listener.label(), e.toString());
                continue;
            }
            if (from == null) continue;
            long now = clock.nanos();
            buf.flip();
            byte[] payload = new byte[buf.remaining()];
            buf.get(payload);
            received.increment();
            if (!queue.offer(new RawDatagram(listener, Ip.of(from.getAddress().getAddress()), payload, now))) queueDrops.increment();
        }
    }

    @Override
    public void close() {
        try {
            if (channel != null) channel.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", listener.label(), e.toString());
        }
        if (thread != null) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
