package netwarden.sources.pcap;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureCounters;
import netwarden.sources.live.CaptureException;
import netwarden.sources.live.FrameRing;
import netwarden.sources.live.Handoff;
import netwarden.sources.live.LiveSource;
import netwarden.sources.live.NativeLib;
import netwarden.sources.live.Netns;

/**
 * Live capture of one interface through libpcap: a capture thread reads each frame with
 * {@code pcap_next_ex} and copies it into a {@link FrameRing}; the pipeline decodes it.
 *
 * <p>Design notes: the capture thread owns the pcap handle from open to close (entering the
 * configured network namespace first), so {@link #start} waits for it to report the activation
 * result. The 100 ms read timeout lets it see {@link #close()} even when no packets arrive;
 * {@code pcap_breakloop} ends a wait at once. Counters are flushed every 1024 packets or timeout;
 * kernel drop statistics ({@code pcap_stats}) are read once a second.
 */
public final class PcapSource implements LiveSource {
    private static final long CLOSE_DELAY = Duration.ofMillis(250).toNanos();
    private static final long STATS_EVERY = Duration.ofSeconds(1).toNanos();
    /** Average frame room in the hand-off: handoffCapacity frames of this many captured bytes. */
    private static final int FRAME_ROOM = 128;

    private final String iface;
    private final CaptureConfig config;
    private final Path netns;
    private final CaptureCounters counters;
    private final Object handleLock = new Object();
    private volatile boolean running;
    private volatile CaptureException failure;
    private PcapHandle handle;
    private Thread thread;

    public PcapSource(String iface, CaptureConfig config, Path netns) {
        this.iface = Objects.requireNonNull(iface, "interface");
        this.config = Objects.requireNonNull(config, "config");
        this.netns = netns;
        this.counters = new CaptureCounters(kind(), iface);
    }

    /** Null when libpcap can be loaded, else why not. */
    public static String unavailableReason() {
        return Libpcap.unavailableReason();
    }

    @Override public String kind() { return "pcap"; }
    @Override public String interfaceName() { return iface; }
    @Override public long closeDelayNanos() { return CLOSE_DELAY; }
    @Override public List<CaptureCounters> counters() { return List.of(counters); }
    @Override public CaptureException failure() { return failure; }

    @Override
    public synchronized void start(Handoff handoff) throws CaptureException {
        if (thread != null) throw new IllegalStateException(name() + " already started");
        FrameRing ring = handoff.frameRing((long) config.handoffCapacity() * FRAME_ROOM, config.snaplen(), counters);
        CompletableFuture<PcapHandle> opened = new CompletableFuture<>();
        running = true;
        thread = Thread.ofPlatform().name("netwarden-pcap-" + iface).daemon().start(() -> capture(ring, opened));
        try {
            opened.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            running = false;
            join();
            if (e.getCause() instanceof CaptureException c) throw c;
            throw new CaptureException("pcap capture on " + iface + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            close();
            throw new CaptureException("pcap capture on " + iface + " did not start within 30 s", e);
        }
    }

    private void capture(FrameRing ring, CompletableFuture<PcapHandle> opened) {
        PcapHandle h;
        try {
            Netns.enter(netns);
            h = PcapHandle.open(iface, config);
        } catch (CaptureException e) {
            opened.completeExceptionally(e);
            return;
        } catch (RuntimeException e) {
            opened.completeExceptionally(new CaptureException("pcap capture on " + iface + " failed: " + e.getMessage(), e));
            return;
        }
        synchronized (handleLock) {
            handle = h;
        }
        opened.complete(h);
        try (Arena arena = Arena.ofConfined()) {
            loop(h, ring, arena.allocate(ValueLayout.ADDRESS), arena.allocate(ValueLayout.ADDRESS));
        } catch (RuntimeException e) {
            failure = new CaptureException("pcap capture on " + iface + " stopped: " + e, e);
        } finally {
            synchronized (handleLock) {
                handle = null;
                h.close();
            }
        }
    }

    private void loop(PcapHandle h, FrameRing ring, MemorySegment hdrHolder, MemorySegment dataHolder) {
        int link = h.linkType();
        boolean nanos = h.nanosecondTimestamps();
        long packets = 0, bytes = 0;
        long nextStats = System.nanoTime() + STATS_EVERY;
        long[] lastStats = {0, 0, 0};
        long[] totals = {0, 0, 0};
        while (running) {
            int rc = h.next(hdrHolder, dataHolder);
            if (rc == 1) {
                long hdr = hdrHolder.get(ValueLayout.JAVA_LONG, 0);
                long data = dataHolder.get(ValueLayout.JAVA_LONG, 0);
                long sec = NativeLib.ALL.get(ValueLayout.JAVA_LONG, hdr);
                long frac = NativeLib.ALL.get(ValueLayout.JAVA_LONG, hdr + 8);
                int capLen = NativeLib.ALL.get(ValueLayout.JAVA_INT, hdr + Libpcap.HDR_CAPLEN);
                int wireLen = NativeLib.ALL.get(ValueLayout.JAVA_INT, hdr + Libpcap.HDR_LEN);
                long ts = sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
                ring.offer(ts, wireLen, link, NativeLib.ALL, data, capLen);
                packets++;
                bytes += wireLen;
                if ((packets & 1023) != 0) continue;
            } else if (rc == -2) {
                break;
            } else if (rc < 0) {
                failure = new CaptureException("pcap capture on " + iface + " stopped: " + h.lastError());
                break;
            }
            counters.addPackets(packets, bytes);
            packets = bytes = 0;
            long now = System.nanoTime();
            if (now >= nextStats) {
                readStats(h, lastStats, totals);
                nextStats = now + STATS_EVERY;
            }
        }
        counters.addPackets(packets, bytes);
        readStats(h, lastStats, totals);
    }

    /** Folds libpcap's wrapping 32-bit drop counters into 64-bit totals. */
    private void readStats(PcapHandle h, long[] last, long[] totals) {
        long[] s = h.stats();
        if (s == null) return;
        for (int i = 1; i < 3; i++) {
            totals[i] += (s[i] - last[i]) & 0xffff_ffffL;
            last[i] = s[i];
        }
        counters.dropsAtLeast(CaptureCounters.KERNEL, totals[1]);
        counters.dropsAtLeast(CaptureCounters.INTERFACE, totals[2]);
    }

    private void join() {
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) return;
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (handleLock) {
            if (handle != null) handle.breakLoop();
        }
        join();
    }

    @Override
    public String toString() {
        return name();
    }
}
