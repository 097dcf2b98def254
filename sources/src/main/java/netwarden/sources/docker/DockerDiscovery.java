package netwarden.sources.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds game services in Docker containers and follows them as containers start and stop.
 *
 * <p>Design notes: one daemon thread. A session negotiates the API version, opens the {@code /events}
 * stream first (so nothing between listing and following is missed), lists and inspects the running
 * containers, reports the difference to what was known, then reads events as they come: a {@code start}
 * inspects the container and adds its services, {@code die}/{@code stop}/{@code destroy} remove them.
 * When the stream is quiet for {@code resync}, the list is read again (the polling fallback). When the
 * daemon goes away the session ends; the next starts after a backoff that doubles up to
 * {@code backoffMax} (each attempt counted). Services stay as last known while disconnected; the first
 * list after reconnecting settles them. A missing socket is one WARN line, then quiet retries.
 */
public final class DockerDiscovery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DockerDiscovery.class);

    private final DockerConfig config;
    private final DockerListener listener;
    private final DockerCounters counters = new DockerCounters();
    private final DockerApi api;
    private final Reconciler reconciler = new Reconciler();
    private final Reconciler.Sink sink;
    private volatile boolean running;
    private volatile DockerConnection stream;
    private volatile List<ContainerService> services = List.of();
    private Thread thread;
    private boolean warned;

    public DockerDiscovery(DockerConfig config, DockerListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.api = new DockerApi(config.socket(), config.timeout(), counters);
        this.sink = new Reconciler.Sink() {
            @Override public void added(ContainerService s) {
                log.info("docker: service {} ({}/{}) from container {}", s.id(), s.protocol(), s.port(), s.containerName());
                guard(() -> listener.added(s));
            }

            @Override public void removed(ContainerService s, String reason) {
                log.info("docker: service {} gone ({})", s.id(), reason);
                guard(() -> listener.removed(s, reason));
            }
        };
    }

    public DockerConfig config() { return config; }
    public DockerCounters counters() { return counters; }

    /** The services known now, a snapshot safe to read from any thread. */
    public List<ContainerService> services() { return services; }

    public synchronized void start() {
        if (thread != null) throw new IllegalStateException("docker discovery already started");
        running = true;
        thread = Thread.ofPlatform().name("netwarden-docker").daemon().start(this::loop);
    }

    private void loop() {
        Duration backoff = config.backoffMin();
        while (running) {
            boolean connected = false;
            try {
                connected = session();
            } catch (IOException e) {
                if (!counters.isConnected() && !warned) {
                    warned = true;
                    if (!Files.exists(config.socket()))
                        log.warn("docker socket {} not found: docker discovery keeps trying quietly (other sources are not affected)", config.socket());
                    else
                        log.warn("cannot reach the docker daemon at {}: {}; docker discovery keeps trying quietly", config.socket(), e.toString());
                }
                log.debug("docker session ended", e);
            } catch (DockerProtocolException e) {
                counters.protocolError();
                log.warn("docker daemon at {} answered unexpectedly: {}", config.socket(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("docker discovery failed; retrying", e);
            }
            if (counters.isConnected() || connected) {
                counters.connected(false);
                if (running) log.info("lost the docker daemon connection; reconnecting");
                guard(() -> listener.connection(false, null));
                connected = true;
            } else {
                counters.connectFailure();
            }
            if (!running) break;
            backoff = connected ? config.backoffMin() : backoff;
            long until = System.nanoTime() + backoff.toNanos();
            for (long now; running && (now = System.nanoTime()) < until; ) LockSupport.parkNanos(until - now);
            backoff = backoff.multipliedBy(2).compareTo(config.backoffMax()) > 0 ? config.backoffMax() : backoff.multipliedBy(2);
            if (running) counters.reconnect();
        }
    }

    /** One connection's life; returns when the stream ends (throws for why). */
    private boolean session() throws IOException, DockerProtocolException {
        String version = api.negotiate();
        try (DockerConnection events = api.events(config.labels())) {
            stream = events;
            resync();
            counters.connected(true);
            warned = false;
            log.info("docker discovery connected to {} (API {})", config.socket(), version);
            guard(() -> listener.connection(true, version));
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            long resyncAt = System.nanoTime() + config.resync().toNanos();
            while (running) {
                long before = events.bytesRead;
                int n = events.stream(pending, Math.min(resyncAt, System.nanoTime() + 500_000_000L));
                counters.bytes(events.bytesRead - before);
                if (n < 0) throw new java.io.EOFException("event stream ended");
                if (n > 0) pending = lines(pending);
                if (System.nanoTime() - resyncAt >= 0) {
                    resync();
                    resyncAt = System.nanoTime() + config.resync().toNanos();
                }
            }
            return true;
        } finally {
            stream = null;
        }
    }

    /** Handles each complete JSON line; returns what is left of an unfinished one. */
    private ByteArrayOutputStream lines(ByteArrayOutputStream pending) throws IOException {
        byte[] b = pending.toByteArray();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] != '\n') continue;
            if (i > start) event(new String(b, start, i - start, StandardCharsets.UTF_8));
            start = i + 1;
        }
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        rest.write(b, start, b.length - start);
        return rest;
    }

    private void event(String json) throws IOException {
        JsonNode e;
        try {
            e = DockerApi.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (DockerProtocolException x) {
            counters.protocolError();
            log.debug("docker event is not JSON: {}", x.getMessage());
            return;
        }
        String type = e.path("Type").asText(e.path("type").asText(""));
        String action = e.path("Action").asText(e.path("status").asText(""));
        String id = e.path("Actor").path("ID").asText(e.path("id").asText(""));
        if (!type.equals("container") || id.isEmpty()) return;
        counters.event(action);
        switch (action) {
            case "start" -> {
                try {
                    Container c = api.inspect(id);
                    if (c == null) reconciler.down(id, "destroy", sink);
                    else reconciler.up(id, map(c), "restart", sink);
                } catch (DockerProtocolException x) {
                    counters.protocolError();
                    log.debug("inspect {} failed: {}", id, x.getMessage());
                }
            }
            case "die", "stop", "destroy" -> reconciler.down(id, action, sink);
            default -> { }
        }
        services = reconciler.services();
    }

    private void resync() throws IOException, DockerProtocolException {
        counters.resync();
        Map<String, List<ContainerService>> now = new LinkedHashMap<>();
        for (String id : api.runningIds(config.labels())) {
            Container c = api.inspect(id);
            if (c != null && c.running()) now.put(id, map(c));
        }
        reconciler.resync(now, sink);
        services = reconciler.services();
    }

    private List<ContainerService> map(Container c) {
        ServiceMapper.Mapping m = ServiceMapper.map(c, config);
        if (m.problem() != null) {
            counters.badPort();
            log.debug("container {}: {}", c.name(), m.problem());
        }
        return m.services();
    }

    private void guard(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            counters.listenerError();
            log.warn("docker discovery listener failed", e);
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t == null) return;
        DockerConnection s = stream;
        if (s != null) {
            try {
                s.close(); // wakes the reader
            } catch (IOException e) {
                log.debug("closing the docker event stream", e);
            }
        }
        LockSupport.unpark(t);
        try {
            t.join(config.timeout().toMillis() + 2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
