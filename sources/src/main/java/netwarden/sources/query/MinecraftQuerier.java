package netwarden.sources.query;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One TCP connection per poll, always from the same local port: the socket closes with a reset
 * (SO_LINGER 0), which leaves no TIME_WAIT behind, so the next poll can bind the port again.
 */
final class MinecraftQuerier implements Querier {
    private final QueryCounters counters;
    private InetSocketAddress local;

    MinecraftQuerier(QueryCounters counters) { this.counters = counters; }

    @Override
    public void open() throws IOException {
        try (Socket probe = new Socket()) { // reserve an ephemeral port number to reuse
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(0));
            local = (InetSocketAddress) probe.getLocalSocketAddress();
        }
    }

    @Override public InetSocketAddress localAddress() { return local; }
    @Override public void close() {}

    @Override
    public Outcome query(InetSocketAddress target, long deadline) throws IOException, QueryException {
        try (Socket s = new Socket()) {
            s.setReuseAddress(true);
            s.setSoLinger(true, 0);
            s.setTcpNoDelay(true);
            try {
                s.bind(local);
            } catch (IOException e) { // taken by another program meanwhile: move to a new port
                s.bind(new InetSocketAddress(0));
                local = (InetSocketAddress) s.getLocalSocketAddress();
            }
            s.connect(target, millisLeft(deadline));
            byte[] request = MinecraftPing.request(target.getHostString(), target.getPort(), MinecraftPing.ANY_VERSION);
            long sent = System.nanoTime();
            s.getOutputStream().write(request);
            counters.sent(request.length);
            byte[] buf = new byte[4096];
            int len = 0;
            InputStream in = s.getInputStream();
            while (true) {
                int frame = MinecraftPing.frameLength(buf, len);
                if (frame > 0) {
                    long rtt = System.nanoTime() - sent;
                    return new Outcome(MinecraftPing.decode(buf, frame), rtt);
                }
                if (len == buf.length) buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MinecraftPing.MAX_FRAME + 8));
                s.setSoTimeout(millisLeft(deadline));
                int n;
                try {
                    n = in.read(buf, len, buf.length - len);
                } catch (SocketTimeoutException e) {
                    throw new Timeout("no whole Status Response in time (" + len + " bytes)");
                }
                if (n < 0) throw new QueryException(MinecraftPing.PROTOCOL, len, "connection closed before a whole Status Response");
                counters.received(n);
                len += n;
            }
        } catch (SocketTimeoutException e) {
            throw new Timeout("connect timed out");
        }
    }

    private static int millisLeft(long deadline) throws Timeout {
        long ms = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (ms <= 0) throw new Timeout("deadline passed");
        return (int) Math.min(ms, Integer.MAX_VALUE);
    }
}
