package netwarden.sources.router;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import netwarden.decode.netlink.ConntrackDecoder;
import netwarden.decode.netlink.ConntrackMessage;
import netwarden.decode.netlink.NetlinkException;
import netwarden.decode.netlink.NetlinkMessage;
import netwarden.decode.netlink.NetlinkRequests;
import netwarden.decode.netlink.Nl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conntrack events (NEW, UPDATE, DESTROY) from the kernel's ctnetlink multicast groups.
 *
 * <p>Design notes: the event socket's receive buffer is sized from the config (SO_RCVBUFFORCE as
 * root, else SO_RCVBUF capped by net.core.rmem_max). When the kernel cannot queue an event it
 * reports ENOBUFS on the next receive: events were lost, so the overrun is counted, the queue is
 * drained (so the next loss is reported again), and the whole table is read again by a dump on a
 * second socket (dumps are paced by the reader and cannot overrun), at most once a second. Dump
 * entries reach the listener with {@code resync = true}; events that arrive during the dump stay
 * queued on the event socket. Listener exceptions are the listener's problem: they
 * are counted as parse errors of reason "listener" and logged at debug.
 */
public final class ConntrackSource extends NetlinkReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(ConntrackSource.class);
    /** NF_NETLINK_CONNTRACK_NEW | _UPDATE | _DESTROY (groups 1, 2, 3 as a bind bitmask). */
    static final int GROUPS = 1 | 2 | 4;
    private static final long DUMP_LIMIT_MILLIS = 60_000;
    private final RouterConfig config;
    private final Clock clock;
    private final Consumer<ConntrackEvent> listener;
    private final RouterCounters counters = new RouterCounters("conntrack");
    private volatile int receiveBuffer;
    private static final int DRAIN_LIMIT = 100_000;
    private static final long RESYNC_INTERVAL_NANOS = 1_000_000_000L;
    private int seq = 1;
    private boolean resyncPending;
    private long lastResync = System.nanoTime() - RESYNC_INTERVAL_NANOS;
    private volatile Runnable resynced = () -> {};

    public ConntrackSource(RouterConfig config, Clock clock, Consumer<ConntrackEvent> listener) {
        super("conntrack", config.netns());
        this.config = config;
        this.clock = clock;
        this.listener = listener;
    }

    public RouterCounters counters() {
        return counters;
    }

    /**
     * Called on the receive thread after a re-sync dump delivered its last entry, so a listener can let go of
     * the connections the dump did not list (their DESTROY events were among those lost). Set before start.
     */
    public void onResynced(Runnable r) {
        resynced = r;
    }

    /** The receive buffer the kernel granted (after start). */
    public int receiveBuffer() {
        return receiveBuffer;
    }

    @Override
    NetlinkSocket open() throws NetlinkSocket.NetlinkIoException {
        NetlinkSocket s = NetlinkSocket.open(NetlinkSocket.NETLINK_NETFILTER, GROUPS, BUFFER);
        try {
            receiveBuffer = s.receiveBuffer(config.conntrackReceiveBuffer());
            s.receiveTimeout(POLL_MILLIS);
        } catch (NetlinkSocket.NetlinkIoException e) {
            s.close();
            throw e;
        }
        LOG.info("conntrack events: receive buffer {} bytes", receiveBuffer);
        return s;
    }

    @Override
    String remedy() {
        return "conntrack needs CAP_NET_ADMIN and the nf_conntrack_netlink module (modprobe nf_conntrack_netlink)";
    }

    @Override
    void received(byte[] buf, int n) {
        deliver(buf, n, false);
    }

    /** Returns true when the datagram ended a dump (NLMSG_DONE or an error). */
    private boolean deliver(byte[] buf, int n, boolean resync) {
        List<NetlinkMessage> messages;
        try {
            messages = NetlinkMessage.split(buf, n);
        } catch (NetlinkException e) {
            counters.parseError("framing");
            LOG.debug("conntrack: dropped a datagram: {}", e.getMessage());
            return false;
        }
        for (NetlinkMessage m : messages) {
            if (m.type() == Nl.NLMSG_DONE || m.type() == Nl.NLMSG_ERROR) return true;
            if (!ConntrackDecoder.accepts(m)) continue;
            ConntrackMessage msg;
            try {
                msg = ConntrackDecoder.decode(m);
            } catch (NetlinkException e) {
                counters.parseError("message");
                LOG.debug("conntrack: dropped a message: {}", e.getMessage());
                continue;
            }
            counters.event(resync ? "resync" : msg.kind().name().toLowerCase(Locale.ROOT));
            if (msg.kind() == ConntrackMessage.Kind.DESTROY) {
                if (msg.origCounters() != null) counters.bytes(msg.origCounters().bytes());
                if (msg.replyCounters() != null) counters.bytes(msg.replyCounters().bytes());
            }
            try {
                listener.accept(new ConntrackEvent(clock.instant(), resync, msg));
            } catch (RuntimeException e) {
                counters.parseError("listener");
                LOG.debug("conntrack: listener threw", e);
            }
        }
        return false;
    }

    @Override
    void failed(NetlinkSocket socket, int errno) {
        if (errno != NetlinkSocket.ENOBUFS) {
            counters.parseError("recv_errno_" + errno);
            LOG.debug("conntrack: recv failed with errno {}", errno);
            return;
        }
        counters.overrun();
        LOG.debug("conntrack: receive buffer overrun; re-syncing by dump");
        drain(socket);
        resyncPending = true;
    }

    /**
     * Empties the event queue before a dump: the kernel reports ENOBUFS once per congestion and
     * only clears congestion when the queue empties, so a drop during the dump is reported (and
     * re-synced) only if the queue was emptied first. Queued events are delivered; the dump after
     * them brings the table up to date.
     */
    private void drain(NetlinkSocket socket) {
        byte[] buf = new byte[BUFFER];
        for (int i = 0; i < DRAIN_LIMIT; i++) {
            int n = socket.receive(buf, NetlinkSocket.MSG_DONTWAIT);
            if (n > 0) deliver(buf, n, false);
            else if (n == -NetlinkSocket.ENOBUFS) counters.overrun();
            else if (n != -NetlinkSocket.EINTR) return;
        }
    }

    @Override
    void afterReceive(NetlinkSocket socket) {
        // At most one dump per RESYNC_INTERVAL: under sustained overload, dumps back to back would starve the events.
        if (resyncPending && System.nanoTime() - lastResync >= RESYNC_INTERVAL_NANOS) {
            resyncPending = false;
            lastResync = System.nanoTime();
            resync();
        }
    }

    /** Reads the whole table on a second socket (same namespace: this runs on the receive thread). */
    private void resync() {
        try (NetlinkSocket dump = NetlinkSocket.open(NetlinkSocket.NETLINK_NETFILTER, 0, BUFFER)) {
            dump.receiveTimeout(POLL_MILLIS * 5);
            dump.send(NetlinkRequests.conntrackDump(seq++));
            byte[] buf = new byte[BUFFER];
            long deadline = System.nanoTime() + DUMP_LIMIT_MILLIS * 1_000_000;
            while (System.nanoTime() < deadline) {
                int n = dump.receive(buf);
                if (n < 0) {
                    counters.parseError("resync_errno_" + -n);
                    LOG.warn("conntrack re-sync: dump failed: errno {}", -n);
                    return;
                }
                if (deliver(buf, n, true)) {
                    counters.resync();
                    try {
                        resynced.run();
                    } catch (RuntimeException e) {
                        counters.parseError("listener");
                        LOG.debug("conntrack: re-sync listener threw", e);
                    }
                    return;
                }
            }
            counters.parseError("resync_timeout");
            LOG.warn("conntrack re-sync: dump did not end within {} ms", DUMP_LIMIT_MILLIS);
        } catch (NetlinkSocket.NetlinkIoException e) {
            counters.parseError("resync_open");
            LOG.warn("conntrack re-sync: {}", e.getMessage());
        }
    }
}
