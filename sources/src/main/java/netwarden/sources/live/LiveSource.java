package netwarden.sources.live;

/**
 * A live packet source on one interface (libpcap, eBPF, /proc). Constructors have no side
 * effects; {@link #start} opens the capture and starts the source's own threads, which hand
 * frames or aggregates to the pipeline through the {@link Handoff} and never block on it.
 *
 * <p>Contract: {@code start} is called once and either succeeds or throws a
 * {@link CaptureException} saying what failed and what to do, leaving nothing open.
 * {@link #close} is idempotent, releases everything (threads, handles, kernel hooks), and may be
 * called from any thread, including a shutdown hook.
 */
public interface LiveSource extends AutoCloseable {
    /** {@code pcap}, {@code ebpf} or {@code proc}: the {@code source} metric label. */
    String kind();

    /** The interface(s) watched, for logs; metric labels come from {@link #counters()}. */
    String interfaceName();

    default String name() {
        return kind() + ":" + interfaceName();
    }

    void start(Handoff handoff) throws CaptureException;

    /**
     * How long after a second ends its data may still arrive: the pipeline closes a second only
     * that long after it ended, so per-second counts stay exact.
     */
    long closeDelayNanos();

    /** One set of counters per interface watched (labels {@code source}, {@code interface}). */
    java.util.List<CaptureCounters> counters();

    /** What stopped the source after a successful start, or null while it runs. */
    CaptureException failure();

    @Override
    void close();
}
