package netwarden.sources.pcap;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import netwarden.decode.LinkType;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureException;

/**
 * One activated libpcap capture handle. Not thread-safe: the capture thread opens, reads and
 * closes it; only {@link #breakLoop()} may be called from another thread.
 */
final class PcapHandle implements AutoCloseable {
    private final Libpcap lib;
    private final MemorySegment pcap;
    private final String iface;
    private final int linkType;
    private final boolean nanos;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment stat = arena.allocate(Libpcap.STAT_SIZE, 4);
    private boolean closed;

    private PcapHandle(Libpcap lib, MemorySegment pcap, String iface, int linkType, boolean nanos) {
        this.lib = lib;
        this.pcap = pcap;
        this.iface = iface;
        this.linkType = linkType;
        this.nanos = nanos;
    }

    /** Creates, configures and activates a capture on {@code iface}; on failure nothing stays open. */
    static PcapHandle open(String iface, CaptureConfig cfg) throws CaptureException {
        Libpcap lib;
        try {
            lib = Libpcap.get();
        } catch (UnsatisfiedLinkError e) {
            throw new CaptureException("pcap capture on " + iface + " is not possible: libpcap not found (" + e.getMessage()
                    + "); install libpcap0.8 or use capture.mode ebpf or proc");
        }
        try (Arena local = Arena.ofConfined()) {
            MemorySegment errbuf = local.allocate(Libpcap.ERRBUF_SIZE);
            MemorySegment p = (MemorySegment) lib.create.invokeExact(local.allocateFrom(iface), errbuf);
            if (p.address() == 0) throw new CaptureException("pcap_create(" + iface + ") failed: " + errbuf.getString(0));
            try {
                check(lib, p, iface, "pcap_set_snaplen", (int) lib.setSnaplen.invokeExact(p, cfg.snaplen()));
                check(lib, p, iface, "pcap_set_promisc", (int) lib.setPromisc.invokeExact(p, cfg.promiscuous() ? 1 : 0));
                check(lib, p, iface, "pcap_set_immediate_mode", (int) lib.setImmediate.invokeExact(p, cfg.immediate() ? 1 : 0));
                check(lib, p, iface, "pcap_set_buffer_size", (int) lib.setBufferSize.invokeExact(p, cfg.bufferSize()));
                check(lib, p, iface, "pcap_set_timeout", (int) lib.setTimeout.invokeExact(p, 100));
                int ignoredPrecision = (int) lib.setTstampPrecision.invokeExact(p, Libpcap.TSTAMP_PRECISION_NANO);
                int status = (int) lib.activate.invokeExact(p);
                if (status < 0) throw new CaptureException(activationError(lib, p, iface, status));
                if (cfg.bpfFilter() != null) filter(lib, p, iface, cfg.bpfFilter(), local);
                int link = (int) lib.datalink.invokeExact(p);
                if (!LinkType.supported(link))
                    throw new CaptureException("pcap capture on " + iface + ": link type " + link + " is not supported");
                boolean ns = (int) lib.getTstampPrecision.invokeExact(p) == Libpcap.TSTAMP_PRECISION_NANO;
                return new PcapHandle(lib, p, iface, link, ns);
            } catch (CaptureException | RuntimeException e) {
                lib.close.invokeExact(p);
                throw e;
            }
        } catch (CaptureException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new CaptureException("pcap capture on " + iface + " failed: " + t, t);
        }
    }

    private static void check(Libpcap lib, MemorySegment p, String iface, String call, int rc) throws CaptureException {
        if (rc != 0) throw new CaptureException(call + " on " + iface + " failed: " + lib.statusText(rc));
    }

    /** pcap_activate's error in words, with what to do for the common cases. */
    static String activationError(Libpcap lib, MemorySegment p, String iface, int status) {
        String detail = lib.error(p);
        String text = lib.statusText(status) + (detail.isBlank() ? "" : ": " + detail);
        String hint = switch (status) {
            case Libpcap.ERROR_PERM_DENIED, Libpcap.ERROR_PROMISC_PERM_DENIED ->
                    "; capturing needs root or CAP_NET_RAW (e.g. setcap cap_net_raw,cap_net_admin+ep on the java binary),"
                            + " or use capture.mode proc";
            case Libpcap.ERROR_NO_SUCH_DEVICE -> "; check capture.interfaces (ip link lists them)";
            case Libpcap.ERROR_IFACE_NOT_UP -> "; bring the interface up first";
            default -> "";
        };
        return "pcap capture on " + iface + " failed: " + text + hint;
    }

    private static void filter(Libpcap lib, MemorySegment p, String iface, String expr, Arena local) throws Throwable {
        MemorySegment program = local.allocate(Libpcap.BPF_PROGRAM_SIZE, 8);
        // PCAP_NETMASK_UNKNOWN: only "broadcast" filters need the netmask.
        int rc = (int) lib.compile.invokeExact(p, program, local.allocateFrom(expr), 1, 0xffffffff);
        if (rc != 0) throw new CaptureException("capture.bpf-filter '" + expr + "' does not compile: " + lib.error(p));
        try {
            rc = (int) lib.setFilter.invokeExact(p, program);
            if (rc != 0) throw new CaptureException("pcap_setfilter on " + iface + " failed: " + lib.error(p));
        } finally {
            lib.freeCode.invokeExact(program);
        }
    }

    int linkType() {
        return linkType;
    }

    boolean nanosecondTimestamps() {
        return nanos;
    }

    /** pcap_next_ex: 1 a packet, 0 timeout, -1 error, -2 loop broken. Pointers land in the two holders. */
    int next(MemorySegment headerHolder, MemorySegment dataHolder) {
        try {
            return (int) lib.nextEx.invokeExact(pcap, headerHolder, dataHolder);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    String lastError() {
        return lib.error(pcap);
    }

    /** {ps_recv, ps_drop, ps_ifdrop} as unsigned 32-bit counts, or null when pcap_stats fails. */
    long[] stats() {
        try {
            if ((int) lib.stats.invokeExact(pcap, stat) != 0) return null;
        } catch (Throwable t) {
            return null;
        }
        return new long[] {
            Integer.toUnsignedLong(stat.get(ValueLayout.JAVA_INT, 0)),
            Integer.toUnsignedLong(stat.get(ValueLayout.JAVA_INT, 4)),
            Integer.toUnsignedLong(stat.get(ValueLayout.JAVA_INT, 8))
        };
    }

    /** Makes a blocked or future {@link #next} return -2; safe from any thread. */
    void breakLoop() {
        try {
            lib.breakLoop.invokeExact(pcap);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            lib.close.invokeExact(pcap);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        } finally {
            arena.close();
        }
    }

    @Override
    public String toString() {
        return "pcap " + iface + " (" + lib.version() + ", link type " + linkType + (nanos ? ", ns" : ", us") + ")";
    }
}
