package netwarden.sources.query;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one service's query poller has done; written by its thread, read by metric scrapes. Every
 * counter only grows.
 *
 * <p>Miss reasons: {@code timeout} (no whole answer in time), {@code refused} (ICMP port unreachable or
 * TCP reset), {@code malformed} (an answer the protocol does not allow), {@code compressed} (a bzip2 split
 * A2S answer, refused), {@code unresolved} (the host name did not resolve), {@code error} (other I/O errors).
 */
public final class QueryCounters {
    public static final String TIMEOUT = "timeout", REFUSED = "refused", MALFORMED = "malformed",
            COMPRESSED = "compressed", UNRESOLVED = "unresolved", ERROR = "error";

    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong challenges = new AtomicLong();
    private final AtomicLong splitParts = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong listenerErrors = new AtomicLong();
    private final Map<String, AtomicLong> misses = new ConcurrentHashMap<>();

    public QueryCounters() {
        for (String r : new String[] {TIMEOUT, REFUSED, MALFORMED, COMPRESSED, UNRESOLVED, ERROR}) misses.put(r, new AtomicLong());
    }

    void poll() { polls.incrementAndGet(); }
    void answer() { answers.incrementAndGet(); }
    void sent(int bytes) { packetsSent.incrementAndGet(); bytesSent.addAndGet(bytes); }
    void received(int bytes) { packetsReceived.incrementAndGet(); bytesReceived.addAndGet(bytes); }
    void challenge() { challenges.incrementAndGet(); }
    void splitPart() { splitParts.incrementAndGet(); }
    void staleAnswer() { stale.incrementAndGet(); }
    void listenerError() { listenerErrors.incrementAndGet(); }
    void miss(String reason) { misses.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet(); }

    public long polls() { return polls.get(); }
    public long answers() { return answers.get(); }
    public long packetsSent() { return packetsSent.get(); }
    public long bytesSent() { return bytesSent.get(); }
    public long packetsReceived() { return packetsReceived.get(); }
    public long bytesReceived() { return bytesReceived.get(); }
    /** Challenges the server asked for (A2S S2C_CHALLENGE). */
    public long challenges() { return challenges.get(); }
    /** Split datagrams received (A2S multi-packet answers). */
    public long splitParts() { return splitParts.get(); }
    /** Answers to an earlier request (late, or a challenge echo that does not match) that were skipped. */
    public long stale() { return stale.get(); }
    public long listenerErrors() { return listenerErrors.get(); }

    public long misses(String reason) {
        AtomicLong a = misses.get(reason);
        return a == null ? 0 : a.get();
    }

    /** Misses by reason, a copy. */
    public Map<String, Long> misses() {
        var out = new TreeMap<String, Long>();
        misses.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
