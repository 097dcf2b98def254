package netwarden.sources.query;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Keeps what a poller reported, in order, for tests to wait on. */
final class RecordingListener implements QueryListener {
    record Seen(String kind, String service, long atNanos, String reason, QueryResult result, long monotonicNanos) {}

    final BlockingQueue<Seen> events = new LinkedBlockingQueue<>();

    @Override
    public void answered(QueryResult r) {
        events.add(new Seen("answered", r.service(), r.atNanos(), null, r, System.nanoTime()));
    }

    @Override
    public void notAnswering(String service, long atNanos, String reason) {
        events.add(new Seen("not-answering", service, atNanos, reason, null, System.nanoTime()));
    }

    @Override
    public void back(String service, long atNanos, QueryResult r) {
        events.add(new Seen("back", service, atNanos, null, r, System.nanoTime()));
    }

    /** The next event of {@code kind}, skipping others, or null after {@code millis}. */
    Seen next(String kind, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long left; (left = end - System.nanoTime()) > 0; ) {
            Seen s = events.poll(left, TimeUnit.NANOSECONDS);
            if (s != null && s.kind().equals(kind)) return s;
        }
        return null;
    }
}
