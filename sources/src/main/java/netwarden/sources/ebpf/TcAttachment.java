package netwarden.sources.ebpf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import netwarden.sources.live.CaptureException;
import netwarden.sources.live.LibC;
import netwarden.sources.live.Netns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * netwarden's two TC filters (clsact ingress and egress) on one interface.
 *
 * <p>Design notes: our filters always use handle {@link #HANDLE} and priority {@link #PRIORITY},
 * so a filter left behind by a crashed run is found with {@code bpf_tc_query} and replaced
 * ({@code BPF_TC_F_REPLACE}), with a warning. The clsact qdisc is removed on close only when this
 * attachment created it, since other tools may share one. Every netlink call runs inside the
 * configured network namespace.
 */
final class TcAttachment implements AutoCloseable {
    static final int HANDLE = 0x4e57; // "NW"
    static final int PRIORITY = 0x4e57;
    private static final int EEXIST = 17, ENOENT = 2;
    private static final Logger LOG = LoggerFactory.getLogger(TcAttachment.class);

    private final Libbpf lib;
    private final String iface;
    private final int ifindex;
    private final Path netns;
    private final boolean createdQdisc;
    private final int staleReplaced;
    private boolean closed;

    private TcAttachment(Libbpf lib, String iface, int ifindex, Path netns, boolean createdQdisc, int staleReplaced) {
        this.lib = lib;
        this.iface = iface;
        this.ifindex = ifindex;
        this.netns = netns;
        this.createdQdisc = createdQdisc;
        this.staleReplaced = staleReplaced;
    }

    /** Creates clsact if needed and attaches {@code inFd} on ingress and {@code outFd} on egress. */
    static TcAttachment attach(Libbpf lib, String iface, Path netns, int inFd, int outFd) throws CaptureException {
        try {
            return Netns.call(netns, () -> {
                try {
                    return attachHere(lib, iface, netns, inFd, outFd);
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            });
        } catch (CaptureException e) {
            throw e;
        } catch (Exception e) {
            throw new CaptureException("cannot attach eBPF to " + iface + ": " + e.getMessage(), e);
        }
    }

    private static TcAttachment attachHere(Libbpf lib, String iface, Path netns, int inFd, int outFd) throws Throwable {
        int ifindex = LibC.ifNameToIndex(iface);
        if (ifindex == 0) throw new CaptureException("eBPF capture: no interface " + iface
                + (netns == null ? "" : " in network namespace " + netns) + "; check capture.interfaces");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment hook = hook(arena, ifindex, Libbpf.TC_INGRESS | Libbpf.TC_EGRESS);
            int rc = (int) lib.hookCreate.invokeExact(hook);
            if (rc != 0 && rc != -EEXIST)
                throw new CaptureException("cannot create the clsact qdisc on " + iface + ": " + lib.error(rc) + hint(rc));
            boolean created = rc == 0;
            int stale = 0;
            try {
                stale += attachOne(lib, arena, iface, ifindex, Libbpf.TC_INGRESS, inFd);
                try {
                    stale += attachOne(lib, arena, iface, ifindex, Libbpf.TC_EGRESS, outFd);
                } catch (CaptureException e) {
                    detachOne(lib, arena, ifindex, Libbpf.TC_INGRESS);
                    throw e;
                }
            } catch (CaptureException e) {
                if (created) {
                    int ignored = (int) lib.hookDestroy.invokeExact(hook);
                }
                throw e;
            }
            return new TcAttachment(lib, iface, ifindex, netns, created, stale);
        }
    }

    private static String hint(int rc) {
        return rc == -1 || rc == -13 ? " (needs root or CAP_NET_ADMIN + CAP_BPF)" : "";
    }

    private static MemorySegment hook(Arena arena, int ifindex, int attachPoint) {
        MemorySegment h = arena.allocate(Libbpf.TC_HOOK_SIZE, 8);
        h.set(ValueLayout.JAVA_LONG, 0, Libbpf.TC_HOOK_SIZE);
        h.set(ValueLayout.JAVA_INT, 8, ifindex);
        h.set(ValueLayout.JAVA_INT, 12, attachPoint);
        return h;
    }

    private static MemorySegment opts(Arena arena, int progFd, int flags) {
        MemorySegment o = arena.allocate(Libbpf.TC_OPTS_SIZE, 8);
        o.set(ValueLayout.JAVA_LONG, 0, Libbpf.TC_OPTS_SIZE);
        o.set(ValueLayout.JAVA_INT, 8, progFd);
        o.set(ValueLayout.JAVA_INT, 12, flags);
        o.set(ValueLayout.JAVA_INT, 20, HANDLE);
        o.set(ValueLayout.JAVA_INT, 24, PRIORITY);
        return o;
    }

    /** Attaches one direction, replacing a stale filter of ours; returns 1 when one was replaced. */
    private static int attachOne(Libbpf lib, Arena arena, String iface, int ifindex, int point, int progFd) throws Throwable {
        MemorySegment hook = hook(arena, ifindex, point);
        MemorySegment probe = opts(arena, 0, 0);
        int q = (int) lib.query.invokeExact(hook, probe);
        boolean stale = q == 0;
        if (stale) LOG.warn("replacing a stale netwarden eBPF filter (prog id {}) on {} {}: a previous run did not detach",
                probe.get(ValueLayout.JAVA_INT, 16), iface, direction(point));
        int rc = (int) lib.attach.invokeExact(hook, opts(arena, progFd, stale ? Libbpf.TC_F_REPLACE : 0));
        if (rc != 0) throw new CaptureException("cannot attach the eBPF filter to " + iface + " " + direction(point) + ": "
                + lib.error(rc) + hint(rc) + log());
        return stale ? 1 : 0;
    }

    private static String log() {
        String l = Libbpf.recentLog().strip();
        return l.isEmpty() ? "" : " (libbpf: " + l.replace('\n', ' ') + ")";
    }

    private static int detachOne(Libbpf lib, Arena arena, int ifindex, int point) throws Throwable {
        return (int) lib.detach.invokeExact(hook(arena, ifindex, point), opts(arena, 0, 0));
    }

    static String direction(int point) {
        return point == Libbpf.TC_INGRESS ? "ingress" : "egress";
    }

    /** How many stale filters of a previous run were replaced at attach. */
    int staleReplaced() {
        return staleReplaced;
    }

    boolean createdQdisc() {
        return createdQdisc;
    }

    /** Detaches both filters and removes clsact if it was ours. Idempotent; warns instead of throwing. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            Netns.call(netns, () -> {
                try (Arena arena = Arena.ofConfined()) {
                    for (int point : new int[] {Libbpf.TC_INGRESS, Libbpf.TC_EGRESS}) {
                        int rc = detachOne(lib, arena, ifindex, point);
                        if (rc != 0 && rc != -ENOENT && rc != -19)
                            LOG.warn("cannot detach the eBPF filter from {} {}: {}", iface, direction(point), lib.error(rc));
                    }
                    if (createdQdisc) {
                        int rc = (int) lib.hookDestroy.invokeExact(hook(arena, ifindex, Libbpf.TC_INGRESS | Libbpf.TC_EGRESS));
                        if (rc != 0 && rc != -ENOENT && rc != -19 && rc != -22)
                            LOG.warn("cannot remove the clsact qdisc from {}: {}", iface, lib.error(rc));
                    }
                } catch (Throwable t) {
                    LOG.warn("detaching eBPF from {} failed: {}", iface, t.toString());
                }
                return null;
            });
        } catch (Exception e) {
            LOG.warn("detaching eBPF from {} failed: {}", iface, e.toString());
        }
    }
}
