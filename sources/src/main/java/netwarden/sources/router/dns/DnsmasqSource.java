package netwarden.sources.router.dns;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;
import netwarden.model.Ip;
import netwarden.sources.router.RouterCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dnsmasq's query log, tailed: every entry to the listener (names plain or salted-hashed), and
 * each address answer (reply, cached, config, hosts file) into the {@link DomainMap}.
 *
 * <p>Design notes: {@link #poll()} does one pass (tests call it directly); {@link #start()} runs
 * it every {@code interval} on a daemon thread. A missing file is not an error (dnsmasq may not
 * have started, or the log is between rotations): it is reported once at WARN until it appears.
 * Malformed query lines are counted by reason and logged at debug.
 */
public final class DnsmasqSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DnsmasqSource.class);
    private final Path log;
    private final LineTail tail;
    private final NameHasher names;
    private final DomainMap domains;
    private final Clock clock;
    private final Consumer<DnsEvent> listener;
    private final RouterCounters counters;
    private final long intervalMillis;
    private volatile boolean closed, missingReported;
    private long reportedTooLong;
    private Thread thread;

    public DnsmasqSource(Path log, Path bookmark, NameHasher names, DomainMap domains, Clock clock,
                         java.time.Duration interval, Consumer<DnsEvent> listener) {
        this.log = log;
        this.tail = new LineTail(log, bookmark);
        this.names = names;
        this.domains = domains;
        this.clock = clock;
        this.listener = listener;
        this.intervalMillis = interval.toMillis();
        this.counters = new RouterCounters("dnsmasq");
    }

    public RouterCounters counters() {
        return counters;
    }

    /** Reads what was appended since the last poll; returns the number of lines read. */
    public synchronized int poll() {
        java.util.List<String> lines;
        try {
            lines = tail.poll();
        } catch (IOException e) {
            counters.parseError("io");
            LOG.debug("dnsmasq log {}: {}", log, e.toString());
            return 0;
        }
        if (lines.isEmpty() && !java.nio.file.Files.exists(log) && !missingReported) {
            missingReported = true;
            LOG.warn("dnsmasq log {} does not exist (yet): is dnsmasq running with log-queries and log-facility={}?", log, log);
        }
        for (long n = tail.linesTooLong(); reportedTooLong < n; reportedTooLong++) counters.parseError("line too long");
        for (String line : lines) handle(line);
        return lines.size();
    }

    private void handle(String line) {
        DnsLogEntry e;
        try {
            e = DnsmasqParser.parse(line);
        } catch (DnsmasqParseException ex) {
            counters.parseError(ex.reason());
            LOG.debug("{}", ex.getMessage());
            return;
        }
        if (e == null) return;
        var now = clock.instant();
        DnsLogEntry stored = new DnsLogEntry(e.kind(), names.apply(e.name()), e.qtype(), e.client(), e.server(), e.answer(),
                e.source(), e.serial());
        counters.event(e.kind().name().toLowerCase(Locale.ROOT));
        if (e.kind() != DnsLogEntry.Kind.QUERY && e.kind() != DnsLogEntry.Kind.FORWARDED && e.answerIsAddress()) {
            try {
                domains.put(Ip.parse(e.answer()), stored.name(), now);
            } catch (IllegalArgumentException bad) {
                counters.parseError("bad answer address");
            }
        }
        try {
            listener.accept(new DnsEvent(now, stored));
        } catch (RuntimeException ex) {
            counters.parseError("listener");
            LOG.debug("dnsmasq: listener threw", ex);
        }
    }

    public synchronized void start() {
        if (thread != null) throw new IllegalStateException("dnsmasq source already started");
        thread = Thread.ofPlatform().name("netwarden-dnsmasq").daemon().start(() -> {
            while (!closed) {
                poll();
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @Override
    public void close() throws IOException, InterruptedException {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            t.join(5000);
        }
        synchronized (this) {
            tail.close();
        }
    }
}
