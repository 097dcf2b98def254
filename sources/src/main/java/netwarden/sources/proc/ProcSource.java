package netwarden.sources.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import netwarden.model.Clock;
import netwarden.model.Proto;
import netwarden.model.Times;
import netwarden.sources.live.AggregateRing;
import netwarden.sources.live.CaptureConfig;
import netwarden.sources.live.CaptureCounters;
import netwarden.sources.live.CaptureException;
import netwarden.sources.live.Handoff;
import netwarden.sources.live.LiveSource;
import netwarden.sources.live.Netns;

/**
 * The unprivileged source: interface counters from /proc/net/dev and connections from the socket
 * tables (/proc/net/tcp, tcp6, udp, udp6), read every poll interval just after a second ends.
 *
 * <p>Design notes: a reader thread (inside the configured network namespace; it reads
 * {@code /proc/thread-self/net}, which follows the thread's namespace) turns each reading into
 * aggregates through {@link ConnectionFeed} (connection-seconds, see there) and publishes an
 * immutable {@link ConnectionsSnapshot}. Packet and byte metrics come from /proc/net/dev (both
 * directions, deltas since start); its drop counters become {@code interface} drops.
 */
public final class ProcSource implements LiveSource {
    static final long READ_DELAY = Duration.ofMillis(100).toNanos();
    private static final long CLOSE_DELAY = Duration.ofMillis(400).toNanos();
    private static final Path NET = Path.of("/proc/thread-self/net");

    private final List<String> interfaces;
    private final CaptureConfig config;
    private final Path netns;
    private final Clock clock;
    private final Map<String, CaptureCounters> counters = new HashMap<>();
    private final Map<String, InterfaceCounters> baseline = new HashMap<>();
    private final Map<String, InterfaceCounters> last = new HashMap<>();
    private volatile ConnectionsSnapshot connections = ConnectionsSnapshot.EMPTY;
    private volatile boolean running;
    private volatile CaptureException failure;
    private Thread reader;

    public ProcSource(List<String> interfaces, CaptureConfig config, Path netns, Clock clock) {
        if (interfaces.isEmpty()) throw new IllegalArgumentException("the proc source needs at least one interface");
        this.interfaces = List.copyOf(interfaces);
        this.config = Objects.requireNonNull(config, "config");
        this.netns = netns;
        this.clock = Objects.requireNonNull(clock, "clock");
        for (String i : this.interfaces) counters.put(i, new CaptureCounters(kind(), i));
    }

    @Override public String kind() { return "proc"; }
    @Override public String interfaceName() { return String.join(",", interfaces); }
    @Override public long closeDelayNanos() { return CLOSE_DELAY; }
    @Override public CaptureException failure() { return failure; }

    @Override
    public List<CaptureCounters> counters() {
        return interfaces.stream().map(counters::get).toList();
    }

    /** The latest connections view; thread-safe, {@link ConnectionsSnapshot#EMPTY} before the first reading. */
    public Supplier<ConnectionsSnapshot> connections() {
        return () -> connections;
    }

    @Override
    public synchronized void start(Handoff handoff) throws CaptureException {
        if (reader != null) throw new IllegalStateException(name() + " already started");
        AggregateRing ring = handoff.aggregateRing(config.handoffCapacity(), counters.get(interfaces.getFirst()));
        ConnectionFeed feed = new ConnectionFeed(ring::offer);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        running = true;
        reader = Thread.ofPlatform().name("netwarden-proc").daemon().start(() -> run(feed, ring, ready));
        try {
            ready.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            close();
            if (e.getCause() instanceof CaptureException c) throw c;
            throw new CaptureException("proc source failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            close();
            throw new CaptureException("proc source did not start: " + e, e);
        }
    }

    private void run(ConnectionFeed feed, AggregateRing ring, CompletableFuture<Void> ready) {
        try {
            Netns.enter(netns);
            Map<String, InterfaceCounters> now = readInterfaces();
            for (String i : interfaces) {
                InterfaceCounters c = now.get(i);
                if (c == null) throw new CaptureException("proc source: no interface " + i + " in /proc/net/dev; check capture.interfaces");
                baseline.put(i, c);
                last.put(i, c);
            }
            readSockets(); // fail now, not later, when the tables are unreadable
        } catch (CaptureException e) {
            ready.completeExceptionally(e);
            return;
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(new CaptureException("proc source cannot read /proc/net: " + e, e));
            return;
        }
        ready.complete(null);
        long interval = config.pollInterval().toNanos();
        long next = (Times.second(clock.nanos()) + 1) * Times.NANOS_PER_SECOND + READ_DELAY;
        while (running) {
            long wait = next - clock.nanos();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            long started = System.nanoTime();
            try {
                poll(feed, ring, Times.second(next - READ_DELAY) - 1);
            } catch (IOException | RuntimeException e) {
                failure = new CaptureException("proc source stopped: cannot read /proc/net: " + e, e);
                return;
            }
            counters.get(interfaces.getFirst()).readCycle(System.nanoTime() - started);
            next += interval * Math.max(1, (clock.nanos() - next) / interval + 1);
        }
    }

    private void poll(ConnectionFeed feed, AggregateRing ring, long second) throws IOException {
        Map<String, InterfaceCounters> now = readInterfaces();
        for (String i : interfaces) {
            InterfaceCounters c = now.get(i), before = last.get(i);
            if (c == null) continue; // the interface went away; its counters stay where they were
            CaptureCounters out = counters.get(i);
            if (before != null && c.packets() >= before.packets() && c.bytes() >= before.bytes())
                out.addPackets(c.packets() - before.packets(), c.bytes() - before.bytes());
            out.dropsAtLeast(CaptureCounters.INTERFACE, c.drops() - baseline.get(i).drops());
            last.put(i, c);
        }
        connections = feed.reading(second, clock.nanos(), readSockets());
        ring.publish();
    }

    private Map<String, InterfaceCounters> readInterfaces() throws IOException {
        return InterfaceCounters.parse(Files.readString(NET.resolve("dev")));
    }

    private List<SocketEntry> readSockets() throws IOException {
        var all = new ArrayList<SocketEntry>();
        for (String table : new String[] {"tcp", "tcp6", "udp", "udp6"}) {
            int proto = table.startsWith("tcp") ? Proto.TCP : Proto.UDP;
            try {
                all.addAll(SocketEntry.parse(proto, Files.readString(NET.resolve(table))));
            } catch (NoSuchFileException e) {
                // IPv6 disabled: no tcp6/udp6 tables
            }
        }
        return all;
    }

    @Override
    public void close() {
        running = false;
        Thread t;
        synchronized (this) {
            t = reader;
        }
        if (t != null && t != Thread.currentThread()) {
            LockSupport.unpark(t);
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
