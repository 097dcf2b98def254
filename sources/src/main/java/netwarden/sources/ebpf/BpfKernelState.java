package netwarden.sources.ebpf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import netwarden.model.Clock;
import netwarden.sources.live.CaptureCounters;
import netwarden.sources.live.CaptureException;
import netwarden.sources.live.LibC;
import netwarden.sources.live.Netns;

/**
 * Everything the eBPF source holds in the kernel for one interface: the loaded object, its maps
 * (with harvest buffers) and the TC attachment. Used by the reader thread, then closed once.
 */
final class BpfKernelState implements AutoCloseable {
    private static final int HARVEST_CHUNK = 4096;

    private final Libbpf lib;
    private final BpfObject object;
    private final Clock clock;
    private final int cpus;
    private final MapHarvester[] ports = new MapHarvester[2];
    private final MapHarvester[] flows = new MapHarvester[2];
    private final int statsFd, settingsFd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment statKey, statValue, settingsKey, settingsValue;
    private final long[] insertsSeen = new long[2];
    private TcAttachment attachment;
    private boolean closed;

    private BpfKernelState(Libbpf lib, BpfObject object, Clock clock) throws CaptureException {
        this.lib = lib;
        this.object = object;
        this.clock = clock;
        this.cpus = lib.possibleCpus();
        for (int i = 0; i < 2; i++) {
            ports[i] = new MapHarvester(lib, object.mapFd(BpfLayout.PORT_MAPS[i]), BpfLayout.PORT_MAPS[i], BpfLayout.PORT_KEY_SIZE,
                    BpfLayout.PORT_VALUE_SIZE * cpus, HARVEST_CHUNK);
            flows[i] = new MapHarvester(lib, object.mapFd(BpfLayout.FLOW_MAPS[i]), BpfLayout.FLOW_MAPS[i], BpfLayout.FLOW_KEY_SIZE,
                    BpfLayout.FLOW_VALUE_SIZE, HARVEST_CHUNK);
        }
        statsFd = object.mapFd(BpfLayout.STATS_MAP);
        settingsFd = object.mapFd(BpfLayout.SETTINGS_MAP);
        statKey = arena.allocate(ValueLayout.JAVA_INT);
        statValue = arena.allocate(8L * cpus, 8);
        settingsKey = arena.allocate(ValueLayout.JAVA_INT);
        settingsValue = arena.allocate(8, 8);
    }

    /** Loads, sets the clock offset, attaches; on failure nothing stays loaded or attached. */
    static BpfKernelState open(Libbpf lib, byte[] elf, int flowEntries, String iface, Path netns, Clock clock)
            throws CaptureException {
        int hwType;
        try {
            hwType = Netns.call(netns, () -> LibC.hardwareType(iface));
        } catch (Exception e) {
            throw new CaptureException("eBPF capture on " + iface + ": " + e.getMessage(), e);
        }
        if (hwType < 0) throw new CaptureException("eBPF capture: no interface " + iface
                + (netns == null ? "" : " in network namespace " + netns) + "; check capture.interfaces");
        boolean ethernet = hwType == LibC.ARPHRD_ETHER || hwType == LibC.ARPHRD_LOOPBACK;
        BpfObject object = BpfObject.load(lib, elf, flowEntries);
        BpfKernelState state = null;
        try {
            state = new BpfKernelState(lib, object, clock);
            state.updateClockOffset();
            int in = object.programFd(ethernet ? BpfLayout.IN_ETH : BpfLayout.IN_RAW);
            int out = object.programFd(ethernet ? BpfLayout.OUT_ETH : BpfLayout.OUT_RAW);
            state.attachment = TcAttachment.attach(lib, iface, netns, in, out);
            return state;
        } catch (CaptureException | RuntimeException e) {
            if (state != null) state.close();
            else object.close();
            throw e;
        }
    }

    TcAttachment attachment() {
        return attachment;
    }

    /** Tells the program CLOCK_REALTIME - CLOCK_MONOTONIC, so it stamps packets with wall-clock time. */
    void updateClockOffset() throws CaptureException {
        long before = System.nanoTime();
        long wall = clock.nanos();
        long after = System.nanoTime();
        settingsValue.set(ValueLayout.JAVA_LONG, 0, wall - (before + (after - before) / 2));
        try {
            int rc = (int) lib.updateElem.invokeExact(settingsFd, settingsKey, settingsValue, 0L);
            if (rc != 0) throw new CaptureException("cannot update eBPF settings: " + lib.error(rc));
        } catch (CaptureException e) {
            throw e;
        } catch (Throwable t) {
            throw new CaptureException("cannot update eBPF settings: " + t, t);
        }
    }

    /** Empties the maps of one parity into {@code accounting}; returns the second's totals. */
    SecondAccounting.Totals harvest(int parity, SecondAccounting accounting) throws CaptureException {
        ports[parity].harvest((k, ko, v, vo) -> {
            long packets = 0, bytes = 0, syn = 0, synBytes = 0;
            for (int c = 0; c < cpus; c++) {
                long at = vo + (long) c * BpfLayout.PORT_VALUE_SIZE;
                packets += v.get(BpfLayout.LONG, at);
                bytes += v.get(BpfLayout.LONG, at + 8);
                syn += v.get(BpfLayout.LONG, at + 16);
                synBytes += v.get(BpfLayout.LONG, at + 24);
            }
            accounting.port(k.get(BpfLayout.INT, ko), packets, bytes, syn, synBytes);
        });
        flows[parity].harvest(accounting::flow);
        return accounting.end();
    }

    /** Counts evictions of the harvested second (inserts - entries found) and map insert failures. */
    void accountInserts(int parity, long harvestedFlows, CaptureCounters counters) throws CaptureException {
        long inserts = stat(BpfLayout.STAT_FLOW_INSERTS_0 + parity);
        long delta = inserts - insertsSeen[parity];
        insertsSeen[parity] = inserts;
        counters.addEvictions(Math.max(0, delta - harvestedFlows));
        counters.dropsAtLeast("map", stat(BpfLayout.STAT_PORT_INSERT_FAILURES));
    }

    private long stat(int index) throws CaptureException {
        statKey.set(ValueLayout.JAVA_INT, 0, index);
        try {
            int rc = (int) lib.lookupElem.invokeExact(statsFd, statKey, statValue);
            if (rc != 0) throw new CaptureException("cannot read eBPF statistics: " + lib.error(rc));
        } catch (CaptureException e) {
            throw e;
        } catch (Throwable t) {
            throw new CaptureException("cannot read eBPF statistics: " + t, t);
        }
        long sum = 0;
        for (int c = 0; c < cpus; c++) sum += statValue.get(ValueLayout.JAVA_LONG, 8L * c);
        return sum;
    }

    /** Detaches the filters (the maps stay readable until {@link #close()}). */
    synchronized void detach() {
        if (attachment != null) attachment.close();
    }

    /** What a crash leaves: the filters stay attached (keeping the program alive), user space lets go. */
    synchronized void closeWithoutDetaching() {
        attachment = null;
        close();
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        detach();
        for (int i = 0; i < 2; i++) {
            if (ports[i] != null) ports[i].close();
            if (flows[i] != null) flows[i].close();
        }
        object.close();
        arena.close();
    }
}
