package netwarden.sources.live;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounded game-like traffic between the two namespaces of a {@link NetnsLab}, with exact books:
 * a UDP game server (answers "P" play packets and "Q" queries, ignores everything else), UDP
 * players at a tick rate, a query-only host, a one-way flood, and TCP clients of an echo server.
 * Every packet counted here was accepted by the kernel (send returned its full length); frame
 * sizes are Ethernet + IP + UDP header + payload (+4 for a VLAN tag).
 */
public final class GameTraffic implements AutoCloseable {
    public static final int GAME_PORT = 27960, TCP_PORT = 25565;
    public static final int PLAY_PAYLOAD = 60, PLAY_REPLY = 80, QUERY_PAYLOAD = 16, QUERY_REPLY = 200, FLOOD_PAYLOAD = 32;

    /** Packets and frame bytes, per direction, for one service. */
    public static final class Books {
        public final AtomicLong packetsIn = new AtomicLong(), bytesIn = new AtomicLong();
        public final AtomicLong packetsOut = new AtomicLong(), bytesOut = new AtomicLong();

        public void in(int frame) { packetsIn.incrementAndGet(); bytesIn.addAndGet(frame); }
        public void out(int frame) { packetsOut.incrementAndGet(); bytesOut.addAndGet(frame); }
    }

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> channels = new CopyOnWriteArrayList<>();
    /** Books per server address (the service's address literal). */
    public final ConcurrentHashMap<String, Books> books = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /** Frame size of a UDP datagram with {@code payload} bytes to or from {@code address}. */
    public static int udpFrame(String address, int payload, boolean vlan) {
        return 14 + (vlan ? 4 : 0) + (address.contains(":") ? 40 : 20) + 8 + payload;
    }

    public Books books(String serverAddress) {
        return books.computeIfAbsent(serverAddress, a -> new Books());
    }

    /** Starts a UDP game server on {@code address}:GAME_PORT inside {@code netns}. */
    public void udpServer(Path netns, String address, boolean vlan) throws Exception {
        DatagramChannel ch = Netns.call(netns, () -> DatagramChannel.open().bind(new InetSocketAddress(address, GAME_PORT)));
        ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channels.add(ch);
        Books b = books(address);
        threads.add(Thread.ofPlatform().daemon().name("udp-server-" + address).start(() -> {
            ByteBuffer in = ByteBuffer.allocate(2048);
            try {
                while (!stopping) {
                    in.clear();
                    var from = ch.receive(in);
                    in.flip();
                    if (!in.hasRemaining()) continue;
                    int reply = switch (in.get(0)) {
                        case 'P' -> PLAY_REPLY;
                        case 'Q' -> QUERY_REPLY;
                        default -> -1;
                    };
                    if (reply > 0 && ch.send(ByteBuffer.allocate(reply), from) == reply) b.out(udpFrame(address, reply, vlan));
                }
            } catch (ClosedChannelException e) {
                // stopped
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    /** A client sending {@code count} datagrams of {@code payload} bytes starting with {@code kind}, one per {@code periodNanos}. */
    public Thread udpClient(Path netns, String from, String server, char kind, int payload, int count, long periodNanos,
                            boolean vlan) throws Exception {
        DatagramChannel ch = Netns.call(netns, () -> DatagramChannel.open().bind(new InetSocketAddress(from, 0)));
        channels.add(ch);
        Books b = books(server);
        InetSocketAddress to = new InetSocketAddress(InetAddress.getByName(server), GAME_PORT);
        Thread t = Thread.ofPlatform().daemon().name("udp-client-" + from + "-" + kind).start(() -> {
            byte[] data = new byte[payload];
            data[0] = (byte) kind;
            long next = System.nanoTime();
            try {
                for (int i = 0; i < count && !stopping; i++) {
                    if (periodNanos > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) LockSupport.parkNanos(wait);
                        next += periodNanos;
                    } else if (i % 100 == 99) {
                        LockSupport.parkNanos(1_000_000); // a flood, but paced so the veth backlog keeps up
                    }
                    if (ch.send(ByteBuffer.wrap(data), to) == payload) b.in(udpFrame(server, payload, vlan));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        threads.add(t);
        return t;
    }

    /** A TCP echo server on {@code address}:TCP_PORT: every connection gets its bytes back until it closes. */
    public void tcpServer(Path netns, String address) throws Exception {
        ServerSocketChannel server = Netns.call(netns, () -> ServerSocketChannel.open().bind(new InetSocketAddress(address, TCP_PORT)));
        channels.add(server);
        threads.add(Thread.ofPlatform().daemon().name("tcp-server-" + address).start(() -> {
            try {
                while (!stopping) {
                    SocketChannel c = server.accept();
                    channels.add(c);
                    threads.add(Thread.ofPlatform().daemon().name("tcp-echo").start(() -> echo(c)));
                }
            } catch (IOException e) {
                // closed
            }
        }));
    }

    private static void echo(SocketChannel c) {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        try (c) {
            while (c.read(buf.clear()) > 0) {
                buf.flip();
                while (buf.hasRemaining()) c.write(buf);
            }
        } catch (IOException e) {
            // peer gone
        }
    }

    /** A TCP client: {@code messages} messages of 100 bytes, one per {@code periodNanos}, each echoed back, then close. */
    public Thread tcpClient(Path netns, String from, String server, int messages, long periodNanos) throws Exception {
        SocketChannel c = Netns.call(netns, () -> {
            SocketChannel s = SocketChannel.open();
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress(server, TCP_PORT));
            return s;
        });
        channels.add(c);
        Thread t = Thread.ofPlatform().daemon().name("tcp-client-" + from).start(() -> {
            ByteBuffer msg = ByteBuffer.allocate(100), back = ByteBuffer.allocate(100);
            try (c) {
                for (int i = 0; i < messages && !stopping; i++) {
                    msg.clear();
                    while (msg.hasRemaining()) c.write(msg);
                    back.clear();
                    while (back.hasRemaining()) if (c.read(back) < 0) return;
                    LockSupport.parkNanos(periodNanos);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        threads.add(t);
        return t;
    }

    /** Stops servers and clients and waits for their threads (bounded). */
    @Override
    public void close() throws IOException {
        stopping = true;
        for (AutoCloseable c : channels) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IOException("cannot close " + c, e);
            }
        }
        try {
            for (Thread t : threads) t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
