package netwarden.sources.ebpf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import netwarden.model.Clock;
import netwarden.model.Times;
import netwarden.sources.live.AggregateRing;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureCounters;
import netwarden.sources.live.CaptureException;
import netwarden.sources.live.Handoff;
import netwarden.sources.live.LiveSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live capture of one interface by the netwarden TC classifier: the kernel counts, a reader
 * thread harvests each finished second ~100 ms after it ends and hands aggregates to the pipeline.
 *
 * <p>Design notes: {@link #start} loads the object (flow maps sized from the config), sets the
 * wall-clock offset the program stamps packets with, attaches to clsact ingress and egress
 * (replacing a stale filter of a crashed run), and registers a shutdown hook so SIGTERM detaches
 * too. The reader wakes at {@code S+1s+100ms}, empties the parity maps of second S (nothing writes
 * them until S+2) and turns them into aggregates via {@link SecondAccounting}. On close it detaches
 * first, then harvests what is left, then unloads. User-space memory is the two hand-off and
 * harvest buffers, bounded by the flow map size.
 */
public final class EbpfSource implements LiveSource {
    private static final Logger LOG = LoggerFactory.getLogger(EbpfSource.class);
    static final long READ_DELAY = Duration.ofMillis(100).toNanos();
    private static final long CLOSE_DELAY = Duration.ofMillis(400).toNanos();

    private final String iface;
    private final CaptureConfig config;
    private final Path netns;
    private final Clock clock;
    private final CaptureCounters counters;
    private volatile boolean running;
    private volatile CaptureException failure;
    private BpfKernelState kernel;
    private Thread reader;
    private Thread shutdownHook;
    private SecondAccounting accounting;
    private AggregateRing ring;
    /** Newest second harvested; reader thread, then the closing thread after the reader ended. */
    private long harvested;
    private boolean closed;

    public EbpfSource(String iface, CaptureConfig config, Path netns, Clock clock) {
        this.iface = Objects.requireNonNull(iface, "interface");
        this.config = Objects.requireNonNull(config, "config");
        this.netns = netns;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counters = new CaptureCounters(kind(), iface);
    }

    /** Null when this host can run eBPF capture with {@code config}, else why not. */
    public static String unavailableReason(CaptureConfig config) {
        String lib = Libbpf.unavailableReason();
        if (lib != null) return lib;
        if (!Files.exists(Path.of("/sys/kernel/btf/vmlinux"))) return "the kernel has no BTF (/sys/kernel/btf/vmlinux missing)";
        return BpfObject.unavailableReason(config.ebpfObject());
    }

    @Override public String kind() { return "ebpf"; }
    @Override public String interfaceName() { return iface; }
    @Override public long closeDelayNanos() { return CLOSE_DELAY; }
    @Override public List<CaptureCounters> counters() { return List.of(counters); }
    @Override public CaptureException failure() { return failure; }

    /** How many stale filters of an earlier run were replaced at start (0 or up to 2). */
    public synchronized int staleFiltersReplaced() {
        return kernel == null ? 0 : kernel.attachment().staleReplaced();
    }

    @Override
    public synchronized void start(Handoff handoff) throws CaptureException {
        if (kernel != null || closed) throw new IllegalStateException(name() + " already started");
        Libbpf lib;
        try {
            lib = Libbpf.get();
        } catch (UnsatisfiedLinkError e) {
            throw new CaptureException("eBPF capture on " + iface + " is not possible: " + Libbpf.unavailableReason());
        }
        byte[] elf;
        try {
            elf = BpfObject.bytes(config.ebpfObject());
        } catch (IOException e) {
            throw new CaptureException("cannot read capture.ebpf-object " + config.ebpfObject() + ": " + e.getMessage(), e);
        }
        if (elf == null) throw new CaptureException("eBPF capture on " + iface + " is not possible: " + BpfObject.unavailableReason(null));
        AggregateRing ring = handoff.aggregateRing(4 * config.ebpfFlowEntries() + 8192, counters);
        kernel = BpfKernelState.open(lib, elf, config.ebpfFlowEntries(), iface, netns, clock);
        running = true;
        this.ring = ring;
        accounting = new SecondAccounting(ring::offer);
        harvested = Times.second(clock.nanos()) - 1; // seconds before the attach hold nothing
        reader = Thread.ofPlatform().name("netwarden-ebpf-" + iface).daemon().start(this::readLoop);
        shutdownHook = Thread.ofPlatform().name("netwarden-ebpf-detach-" + iface).unstarted(this::close);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        LOG.info("eBPF capture on {}: attached to clsact ingress and egress{}", iface,
                kernel.attachment().staleReplaced() > 0 ? " (replaced a stale filter of an earlier run)" : "");
    }

    private void readLoop() {
        while (running) {
            long now = clock.nanos();
            long due = (Times.second(now - READ_DELAY) + 1) * Times.NANOS_PER_SECOND + READ_DELAY;
            long target = Times.second(now - READ_DELAY) - 1; // the newest finished second readable now
            if (target <= harvested) {
                LockSupport.parkNanos(this, Math.max(1_000_000, due - now));
                continue;
            }
            try {
                long started = System.nanoTime();
                harvestUpTo(target);
                counters.readCycle(System.nanoTime() - started);
            } catch (CaptureException e) {
                failure = e;
                running = false;
            } catch (RuntimeException e) {
                failure = new CaptureException("eBPF capture on " + iface + " stopped: " + e, e);
                running = false;
            }
        }
    }

    /** Harvests every second after the last one harvested up to {@code last} (at most the two parities). */
    private void harvestUpTo(long last) throws CaptureException {
        for (long s = Math.max(harvested + 1, last - 1); s <= last; s++) harvest(s);
        harvested = last;
    }

    /** Empties second {@code s}'s parity maps into the ring. */
    private void harvest(long s) throws CaptureException {
        BpfKernelState k = kernel;
        k.updateClockOffset();
        accounting.begin(s);
        SecondAccounting.Totals t = k.harvest((int) (s & 1), accounting);
        ring.publish();
        counters.addPackets(t.packets(), t.bytes());
        counters.addDrops("unattributed", t.unattributedPackets());
        k.accountInserts((int) (s & 1), t.flows(), counters);
        counters.setMapFill(t.flows() / (double) config.ebpfFlowEntries());
    }

    @Override
    public void close() {
        Thread r;
        synchronized (this) {
            if (closed) return;
            closed = true;
            running = false;
            r = reader;
        }
        if (r != null && r != Thread.currentThread()) {
            LockSupport.unpark(r);
            try {
                r.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (kernel != null) {
                kernel.detach();
                try {
                    harvestUpTo(Times.second(clock.nanos())); // the seconds the reader had not reached
                } catch (CaptureException | RuntimeException e) {
                    LOG.warn("eBPF capture on {}: the last second could not be read: {}", iface, e.getMessage());
                }
                kernel.close();
            }
            if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException ignored) {
                    // the JVM is already shutting down; the hook does the same work
                }
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
