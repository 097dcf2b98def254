package netwarden.sources.query;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;

/** One protocol's exchange with one server over its own socket; used by one thread at a time. */
interface Querier extends Closeable {
    /** What the answer says, plus the round trip of the decisive exchange. */
    record Outcome(QueryResult.Status status, long rttNanos) {}

    /** Thrown when no whole answer came before the deadline. */
    final class Timeout extends IOException {
        Timeout(String message) { super(message); }
    }

    /** Binds the local socket (kept for the querier's life, so its port identifies our own traffic). */
    void open() throws IOException;

    /** One poll; {@code deadline} is a {@link System#nanoTime()} value. */
    Outcome query(InetSocketAddress target, long deadline) throws IOException, QueryException;

    /** The local address queries leave from, null before {@link #open}. */
    InetSocketAddress localAddress();

    static Querier of(QueryProtocol p, QueryCounters counters) {
        return switch (p) {
            case QUAKE3 -> new Quake3Querier(counters);
            case A2S -> new A2sQuerier(counters);
            case MINECRAFT -> new MinecraftQuerier(counters);
        };
    }
}
