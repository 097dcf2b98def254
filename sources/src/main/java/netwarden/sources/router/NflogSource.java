package netwarden.sources.router;

import java.lang.foreign.MemorySegment;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import netwarden.decode.LinkType;
import netwarden.decode.PacketDecoder;
import netwarden.decode.netlink.NetlinkException;
import netwarden.decode.netlink.NetlinkMessage;
import netwarden.decode.netlink.NetlinkRequests;
import netwarden.decode.netlink.NflogDecoder;
import netwarden.decode.netlink.NflogPacket;
import netwarden.decode.netlink.Nl;
import netwarden.model.Ip;
import netwarden.model.Packet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Packets logged by NFLOG rules ({@code nft ... log group N prefix "..."}, iptables
 * {@code -j NFLOG --nflog-group N}) for the configured groups, decoded by the packet decoder.
 *
 * <p>Design notes: one socket binds every group (NFULNL_CFG_CMD_BIND, then copy mode packet,
 * each acknowledged; a group another process holds fails with EBUSY and makes the source
 * unavailable with that reason). NFLOG carries no verdict, so a packet's action is its group's
 * configured action: keep drop and accept rules in different groups. An overrun (ENOBUFS) is counted;
 * logged packets cannot be re-read, so there is nothing to re-sync.
 */
public final class NflogSource extends NetlinkReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(NflogSource.class);
    private static final int RECEIVE_BUFFER = 4 << 20, COPY_RANGE = 0xffff;
    private final List<RouterConfig.NflogGroup> groups;
    private final Clock clock;
    private final Consumer<NflogEvent> listener;
    private final RouterCounters counters = new RouterCounters("nflog");
    private final Packet packet = new Packet();

    public NflogSource(RouterConfig config, Clock clock, Consumer<NflogEvent> listener) {
        super("nflog", config.netns());
        this.groups = config.nflogGroups();
        this.clock = clock;
        this.listener = listener;
    }

    public RouterCounters counters() {
        return counters;
    }

    @Override
    NetlinkSocket open() throws NetlinkSocket.NetlinkIoException {
        NetlinkSocket s = NetlinkSocket.open(NetlinkSocket.NETLINK_NETFILTER, 0, BUFFER);
        try {
            s.receiveTimeout(POLL_MILLIS * 5);
            int seq = 1;
            for (RouterConfig.NflogGroup g : groups) {
                request(s, NetlinkRequests.nflogCommand(g.group(), NetlinkRequests.NFULNL_CFG_CMD_BIND, seq++), "bind group " + g.group());
                request(s, NetlinkRequests.nflogCopyPacket(g.group(), COPY_RANGE, seq++), "copy mode for group " + g.group());
            }
            s.receiveBuffer(RECEIVE_BUFFER);
            s.receiveTimeout(POLL_MILLIS);
        } catch (NetlinkSocket.NetlinkIoException | RuntimeException e) {
            s.close();
            throw e;
        }
        LOG.info("nflog: bound groups {}", groups);
        return s;
    }

    /** Sends a config request and waits for its acknowledgement (NLMSG_ERROR with 0). */
    private static void request(NetlinkSocket s, byte[] message, String what) throws NetlinkSocket.NetlinkIoException {
        s.send(message);
        byte[] buf = new byte[4096];
        int n = s.receive(buf);
        if (n < 0) throw new NetlinkSocket.NetlinkIoException("nflog " + what + " (no acknowledgement)", -n);
        try {
            for (NetlinkMessage m : NetlinkMessage.split(buf, n)) {
                if (m.type() != Nl.NLMSG_ERROR) continue;
                int err = m.error();
                if (err != 0) throw new NetlinkSocket.NetlinkIoException("nflog " + what, -err);
                return;
            }
        } catch (NetlinkException e) {
            throw new IllegalStateException("nflog " + what + ": unreadable acknowledgement: " + e.getMessage(), e);
        }
        throw new IllegalStateException("nflog " + what + ": the kernel answered without an acknowledgement");
    }

    @Override
    String remedy() {
        return "NFLOG needs CAP_NET_ADMIN, the nfnetlink_log module (modprobe nfnetlink_log) and groups no other program (ulogd) has bound";
    }

    @Override
    void received(byte[] buf, int n) {
        List<NetlinkMessage> messages;
        try {
            messages = NetlinkMessage.split(buf, n);
        } catch (NetlinkException e) {
            counters.parseError("framing");
            LOG.debug("nflog: dropped a datagram: {}", e.getMessage());
            return;
        }
        for (NetlinkMessage m : messages) {
            if (!NflogDecoder.accepts(m)) continue;
            NflogPacket p;
            try {
                p = NflogDecoder.decode(m);
            } catch (NetlinkException e) {
                counters.parseError("message");
                LOG.debug("nflog: dropped a message: {}", e.getMessage());
                continue;
            }
            NflogEvent e = event(p);
            counters.event(e.action().name().toLowerCase(Locale.ROOT));
            counters.bytes(p.payload().length);
            try {
                listener.accept(e);
            } catch (RuntimeException ex) {
                counters.parseError("listener");
                LOG.debug("nflog: listener threw", ex);
            }
        }
    }

    private NflogEvent event(NflogPacket p) {
        packet.reset();
        packet.capLen = packet.wireLen = p.payload().length;
        PacketDecoder.decode(LinkType.RAW, MemorySegment.ofArray(p.payload()), packet);
        boolean ip = packet.ipVersion != 0 && packet.srcKnown;
        Instant time = p.timestampMicros() >= 0
                ? Instant.ofEpochSecond(p.timestampMicros() / 1_000_000, p.timestampMicros() % 1_000_000 * 1000) : clock.instant();
        return new NflogEvent(time, p.group(), action(p.group()), p.prefix(), p.inIfindex(), p.outIfindex(),
                p.hwaddr() == null ? "" : HexFormat.ofDelimiter(":").formatHex(p.hwaddr()),
                ip ? new Ip(packet.srcHi, packet.srcLo) : null, ip ? new Ip(packet.dstHi, packet.dstLo) : null,
                packet.proto, packet.srcPort, packet.dstPort, p.payload().length);
    }

    private RouterConfig.NflogGroup.Action action(int group) {
        for (RouterConfig.NflogGroup g : groups) if (g.group() == group) return g.action();
        return RouterConfig.NflogGroup.Action.LOG;
    }

    @Override
    void failed(NetlinkSocket socket, int errno) {
        if (errno == NetlinkSocket.ENOBUFS) counters.overrun();
        else counters.parseError("recv_errno_" + errno);
    }
}
