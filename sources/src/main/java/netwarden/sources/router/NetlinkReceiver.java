package netwarden.sources.router;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import netwarden.sources.live.Netns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive thread both netlink sources share: opens the socket on its own platform thread
 * (inside the configured network namespace, which the socket keeps), then receives until closed.
 *
 * <p>Design notes: the constructor does nothing; {@link #start()} waits for the socket to open and
 * returns false with one WARN line when it cannot (no CAP_NET_ADMIN, module missing, EPERM,
 * EPROTONOSUPPORT), so the other sources are unaffected. Receives time out every
 * {@link #POLL_MILLIS} so {@link #close()} is noticed without signals.
 */
abstract class NetlinkReceiver implements AutoCloseable {
    static final int POLL_MILLIS = 200, BUFFER = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(NetlinkReceiver.class);
    private final String name;
    private final String netns;
    private volatile boolean closed;
    private volatile String unavailable;
    private Thread thread;

    NetlinkReceiver(String name, String netns) {
        this.name = name;
        this.netns = netns;
    }

    /** Opens and configures the socket (on the receive thread, inside the namespace). */
    abstract NetlinkSocket open() throws NetlinkSocket.NetlinkIoException;

    /** Handles one datagram of {@code n} bytes. */
    abstract void received(byte[] buf, int n);

    /** Handles a negative errno from recv other than a timeout or interrupt. */
    abstract void failed(NetlinkSocket socket, int errno);

    /**
     * Called on the receive thread after every receive (or timeout) with the socket, for work
     * that must run there (a conntrack re-sync).
     */
    void afterReceive(NetlinkSocket socket) {}

    /** What to tell the operator when {@link #open} fails, after the error itself. */
    abstract String remedy();

    /** Starts the receive thread; false (and one WARN line) when the source is unavailable. */
    public synchronized boolean start() throws InterruptedException {
        if (thread != null) throw new IllegalStateException(name + " already started");
        var opened = new CountDownLatch(1);
        thread = Thread.ofPlatform().name("netwarden-" + name).daemon().start(() -> run(opened));
        if (!opened.await(10, TimeUnit.SECONDS)) unavailable = "the socket did not open within 10 s";
        if (unavailable != null) {
            LOG.warn("{} source unavailable: {}; {}. The other router sources keep running.", name, unavailable, remedy());
            return false;
        }
        return true;
    }

    /** Null while running, else why the source is not running. */
    public String unavailableReason() {
        return unavailable;
    }

    private void run(CountDownLatch opened) {
        NetlinkSocket socket;
        try {
            Netns.enter(Netns.resolve(netns)); // a missing namespace is an unavailable source, not a crash
            socket = open();
        } catch (NetlinkSocket.NetlinkIoException | RuntimeException e) {
            unavailable = e.getMessage();
            opened.countDown();
            return;
        }
        opened.countDown();
        byte[] buf = new byte[BUFFER];
        try (socket) {
            while (!closed) {
                int n = socket.receive(buf);
                if (n > 0) received(buf, n);
                else if (n < 0 && -n != NetlinkSocket.EAGAIN && -n != NetlinkSocket.EINTR) failed(socket, -n);
                afterReceive(socket);
            }
        } catch (RuntimeException e) {
            LOG.error("{} source stopped: {}", name, e.toString(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) t.join(5000);
    }
}
