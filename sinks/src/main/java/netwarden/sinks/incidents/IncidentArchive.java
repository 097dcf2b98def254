package netwarden.sinks.incidents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import netwarden.model.Event;
import netwarden.model.Incident;
import netwarden.wire.AddressFormat;
import netwarden.wire.JsonText;
import netwarden.wire.SnapshotJson;
import netwarden.sinks.route.Sink;
import netwarden.sinks.route.SinkException;

/**
 * Keeps a record of every attack: when an incident ends, {@code <dir>/<id>.json} (the incident as
 * in the API) and, when frames were sampled, {@code <dir>/<id>.pcap} beside it.
 *
 * <p>Design notes: a {@link Sink} named {@code incident_archive} that accepts only ended attacks;
 * behind a {@link netwarden.sinks.route.SinkWorker} the pipeline thread only queues them (dropped
 * and counted when full) and the worker thread writes files atomically (temp file + rename). A
 * failure to write one incident is counted here and by the worker and logged there (at most once a
 * minute), never thrown into the pipeline, and does not stop the rest of the batch.
 */
public final class IncidentArchive implements Sink<Event> {
    private final Path dir;
    private final SnapshotJson json;
    private final AtomicLong written = new AtomicLong(), failed = new AtomicLong();

    /** With block rules of the {@link netwarden.wire.BlockRules#DEFAULT_TIMEOUT}. */
    public IncidentArchive(Path dir) {
        this(dir, netwarden.wire.BlockRules.DEFAULT_TIMEOUT);
    }

    /** No side effects; {@link #start()} creates the directory. {@code blockTimeout}: the block rules' ({@code detection.block-timeout}). */
    public IncidentArchive(Path dir, java.time.Duration blockTimeout) {
        this.dir = dir;
        this.json = new SnapshotJson(AddressFormat.fullAddresses(), blockTimeout);
    }

    /** Creates the directory, so a directory that cannot be made fails at start, not at the first attack. */
    public void start() throws IOException {
        Files.createDirectories(dir);
    }

    @Override
    public String name() {
        return "incident_archive";
    }

    @Override
    public boolean accepts(Event event) {
        return event instanceof Event.AttackEnded;
    }

    @Override
    public void deliver(List<Event> batch) throws SinkException {
        int bad = 0;
        Exception first = null;
        for (Event e : batch) {
            if (!(e instanceof Event.AttackEnded ended)) continue;
            try {
                write(ended.incident());
            } catch (IOException | RuntimeException ex) {
                failed.incrementAndGet();
                bad++;
                if (first == null) first = ex;
            }
        }
        if (bad > 0) throw new SinkException(bad, "cannot write " + bad + " incident record(s) to " + dir, first);
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

    /** Records written, by {@link #deliver} and {@link #write}. */
    public long written() { return written.get(); }

    /** Records {@link #deliver} could not write. */
    public long failed() { return failed.get(); }

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
