package netwarden.sources.docker;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What Docker discovery has done; written by its thread, read by metric scrapes; counters only grow. */
public final class DockerCounters {
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final AtomicLong resyncs = new AtomicLong();
    private final AtomicLong inspects = new AtomicLong();
    private final AtomicLong protocolErrors = new AtomicLong();
    private final AtomicLong badPorts = new AtomicLong();
    private final AtomicLong listenerErrors = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final Map<String, AtomicLong> events = new ConcurrentHashMap<>();
    private volatile boolean connected;

    void connected(boolean c) {
        connected = c;
        if (c) connects.incrementAndGet();
    }

    void reconnect() { reconnects.incrementAndGet(); }
    void connectFailure() { connectFailures.incrementAndGet(); }
    void resync() { resyncs.incrementAndGet(); }
    void inspect() { inspects.incrementAndGet(); }
    void protocolError() { protocolErrors.incrementAndGet(); }
    void badPort() { badPorts.incrementAndGet(); }
    void listenerError() { listenerErrors.incrementAndGet(); }
    void bytes(long n) { bytesRead.addAndGet(n); }
    void event(String action) { events.computeIfAbsent(action, a -> new AtomicLong()).incrementAndGet(); }

    /** Whether the daemon connection (event stream) is up now: a gauge. */
    public boolean isConnected() { return connected; }
    public long connects() { return connects.get(); }
    /** Connection attempts after a failure or a lost connection (each after a backoff delay). */
    public long reconnects() { return reconnects.get(); }
    public long connectFailures() { return connectFailures.get(); }
    public long resyncs() { return resyncs.get(); }
    public long inspects() { return inspects.get(); }
    /** Answers that were not the HTTP or JSON the Engine API documents. */
    public long protocolErrors() { return protocolErrors.get(); }
    /** Containers whose port variable did not hold a port. */
    public long badPorts() { return badPorts.get(); }
    public long listenerErrors() { return listenerErrors.get(); }
    public long bytesRead() { return bytesRead.get(); }

    /** Container events received, by action (start, die, stop, destroy...). */
    public Map<String, Long> events() {
        var out = new TreeMap<String, Long>();
        events.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
