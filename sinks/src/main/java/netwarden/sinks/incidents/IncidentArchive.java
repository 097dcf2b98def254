package netwarden.sinks.incidents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import netwarden.model.Event;
import netwarden.model.EventListener;
import netwarden.model.Incident;
import netwarden.wire.AddressFormat;
import netwarden.wire.JsonText;
import netwarden.wire.SnapshotJson;

/**
 * Keeps a record of every attack: when an incident ends, {@code <dir>/<id>.json} (the incident as
 * in the API) and, when frames were sampled, {@code <dir>/<id>.pcap} beside it.
 *
 * <p>Design notes: the pipeline thread only offers the event to a bounded queue (dropping and
 * counting when full); a worker thread writes files atomically (temp file + rename). A failure to
 * write is counted and logged once per cause by the caller's metrics, never thrown into the pipeline.
 */
public final class IncidentArchive implements EventListener, AutoCloseable {
    private final Path dir;
    private final SnapshotJson json = new SnapshotJson(AddressFormat.fullAddresses());
    private final BlockingQueue<Incident> queue;
    private final AtomicLong written = new AtomicLong(), dropped = new AtomicLong(), failed = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean closing;

    public IncidentArchive(Path dir, int queueCapacity) {
        if (queueCapacity < 1) throw new IllegalArgumentException("incidents queue capacity must be positive: " + queueCapacity);
        this.dir = dir;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
    }

    public void start() throws IOException {
        Files.createDirectories(dir);
        worker = Thread.ofPlatform().daemon().name("netwarden-incident-archive").start(this::drain);
    }

    @Override
    public void onEvent(Event event) {
        if (event instanceof Event.AttackEnded ended && !queue.offer(ended.incident())) dropped.incrementAndGet();
    }

    /** Writes one incident now, on the calling thread (for replay, which has no pipeline to protect). */
    public Path write(Incident i) throws IOException {
        Files.createDirectories(dir);
        String name = fileName(i.id());
        Path target = dir.resolve(name + ".json");
        atomically(target, out -> JsonText.mapper().writerWithDefaultPrettyPrinter().writeValue(out, json.incident(i)));
        if (!i.sample().isEmpty()) atomically(dir.resolve(name + ".pcap"), out -> SamplePcap.write(out, i.sample()));
        written.incrementAndGet();
        return target;
    }

    /** A file name from an incident id: ':' and '/' (IPv6, separators) become '_'. */
    public static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public long written() { return written.get(); }
    public long dropped() { return dropped.get(); }
    public long failed() { return failed.get(); }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        Thread w = worker;
        if (w != null) w.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void drain() {
        while (!closing || !queue.isEmpty()) {
            try {
                Incident i = queue.poll(200, TimeUnit.MILLISECONDS);
                if (i != null) write(i);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                failed.incrementAndGet();
            }
        }
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void atomically(Path target, Writer w) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            w.write(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
