package netwarden.sources.collect;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import netwarden.decode.flow.DecodedDatagram;
import netwarden.decode.flow.FlowDecodeException;
import netwarden.decode.flow.FlowDecoder;
import netwarden.decode.flow.FlowDecoderConfig;
import netwarden.decode.flow.FlowProtocol;
import netwarden.decode.flow.InterfaceCounters;
import netwarden.decode.flow.Template;
import netwarden.decode.flow.TemplateKey;
import netwarden.model.Clock;
import netwarden.model.ingest.FlowRecord;
import netwarden.model.ingest.IngestPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NetFlow v5/v9/IPFIX and sFlow v5 collectors: UDP listeners feeding one decoder, whose records go
 * to the engine's {@link IngestPort} on the pipeline thread.
 *
 * <p>Design notes (the shape of Akvorado's inlet): each listener's thread only receives, handing raw
 * datagrams with their source and receive time to one bounded queue ({@link UdpReceiver}); a full
 * queue drops and counts, never blocks the socket. One decode thread owns the {@link FlowDecoder}
 * (templates are keyed by exporter, so one decoder serves every port), maps each record
 * ({@link FlowMapper}), counts per exporter and interface, turns sFlow counter samples into
 * utilisation ({@link InterfaceUtilisation}), and hands each datagram's records as one immutable
 * list to a second bounded queue; the pipeline thread that owns the engine takes them with
 * {@link #drainTo}. Learned templates are saved from the decode thread (at most every
 * {@link #SAVE_EVERY} after a change, and at close) and loaded at {@link #start()}. The constructor
 * has no side effects; {@link #start()} binds every port (one that cannot be bound fails the start
 * and releases the others); {@link #close()} stops receiving, decodes what was queued and saves.
 */
public final class FlowCollector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlowCollector.class);
    static final Duration SAVE_EVERY = Duration.ofSeconds(30);
    private static final int DRAIN_BATCHES = 1_024;

    private final CollectorConfig config;
    private final Clock clock;
    private final Consumer<FlowRecord> observer;
    private final BlockingQueue<RawDatagram> raw;
    private final BlockingQueue<List<FlowRecord>> decoded;
    private final List<UdpReceiver> receivers = new ArrayList<>();
    private final CollectorCounters counters = new CollectorCounters();
    private final InterfaceUtilisation utilisation = new InterfaceUtilisation();
    private final FlowMapper mapper;
    private final TemplateStore templateStore;
    private final FlowDecoder decoder;
    private Thread decodeThread;
    private volatile boolean running;
    private volatile int templatesCached;
    private boolean templatesDirty;
    private long lastSaveNanos;
    private boolean closed;

    /**
     * @param observer sees every record handed to the pipeline, on the decode thread (the store's per-minute
     *                 aggregation); it must not block, and what it throws is logged and does not stop decoding
     */
    public FlowCollector(CollectorConfig config, Clock clock, Consumer<FlowRecord> observer) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.raw = new ArrayBlockingQueue<>(config.queueCapacity());
        this.decoded = new ArrayBlockingQueue<>(config.queueCapacity());
        this.mapper = new FlowMapper(config.defaultSampling(), config.maxSkew().toNanos());
        this.templateStore = config.templatesFile() == null ? null : new TemplateStore(config.templatesFile());
        this.decoder = new FlowDecoder(new FlowDecoderConfig(config.maxTemplates(), 256, 1_000, config.overrides()));
        for (CollectListener l : config.listeners()) receivers.add(new UdpReceiver(l, raw, clock));
    }

    /** Loads saved templates, binds every listener, then starts the decode and receive threads. */
    public synchronized void start() throws IOException {
        if (decodeThread != null || closed) throw new IllegalStateException("already started");
        if (templateStore != null) {
            Map<TemplateKey, Template> saved = templateStore.load();
            int refused = decoder.templates().putAll(saved);
            if (!saved.isEmpty()) LOG.info("loaded {} flow templates from {}{}", saved.size() - refused, templateStore.file(),
                    refused > 0 ? " (" + refused + " beyond collect.max-templates left out)" : "");
        }
        templatesCached = decoder.templates().size();
        try {
            for (UdpReceiver r : receivers) r.open(config.receiveBuffer());
        } catch (IOException e) {
            receivers.forEach(UdpReceiver::close);
            throw e;
        }
        running = true;
        lastSaveNanos = clock.nanos();
        decodeThread = Thread.ofPlatform().name("netwarden-collect-decode").daemon().start(this::decodeLoop);
        receivers.forEach(UdpReceiver::start);
    }

    /**
     * Hands the records decoded so far to {@code port}; call on the thread that owns the port. Waits up
     * to {@code wait} for the first batch when none is ready. Returns how many records were handed.
     */
    public int drainTo(IngestPort port, Duration wait) throws InterruptedException {
        List<FlowRecord> batch = wait.isZero() ? decoded.poll() : decoded.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        int n = 0;
        for (int i = 0; batch != null && i < DRAIN_BATCHES; i++) {
            for (FlowRecord r : batch) port.flow(r);
            n += batch.size();
            batch = i + 1 < DRAIN_BATCHES ? decoded.poll() : null;
        }
        return n;
    }

    /** The bound port of each listener, in configured order (after {@link #start()}; useful with port 0). */
    public synchronized List<Integer> ports() {
        return receivers.stream().map(UdpReceiver::port).toList();
    }

    public CollectorConfig config() {
        return config;
    }

    public CollectorCounters counters() {
        return counters;
    }

    List<UdpReceiver> receivers() {
        return receivers;
    }

    InterfaceUtilisation utilisation() {
        return utilisation;
    }

    int templatesCached() {
        return templatesCached;
    }

    int queued() {
        return raw.size();
    }

    /** Datagrams dropped because the decode queue was full, all listeners. */
    public long queueDrops() {
        return receivers.stream().mapToLong(r -> r.queueDrops.sum()).sum();
    }

    /** Datagrams received but not yet decoded, plus decoded batches not yet taken: 0 when all caught up. */
    public int backlog() {
        return raw.size() + decoded.size();
    }

    private void decodeLoop() {
        while (running || !raw.isEmpty()) {
            try {
                RawDatagram d = raw.poll(100, TimeUnit.MILLISECONDS);
                if (d != null) handle(d);
            } catch (InterruptedException e) {
                if (!running) break;
            } catch (RuntimeException e) { // a bug must not end collection: count it as damage and go on
                LOG.warn("flow collector: unexpected error decoding a datagram: {}", e.toString(), e);
            }
            if (templatesDirty && clock.nanos() - lastSaveNanos >= SAVE_EVERY.toNanos()) saveTemplates();
        }
    }

    /** One datagram through detection, decoding, mapping and counting to the pipeline queue; on the decode thread (and the fuzz target). */
    void handle(RawDatagram d) {
        MemorySegment payload = MemorySegment.ofArray(d.payload());
        FlowProtocol protocol = FlowDecoder.detect(payload);
        if (protocol != null && !d.listener().kind().accepts(protocol)) {
            counters.misdirected(d.listener());
            return;
        }
        DecodedDatagram dd;
        try {
            dd = decoder.decode(d.source(), payload);
        } catch (FlowDecodeException e) {
            ExporterStats s = counters.exporter(d.source());
            s.datagrams.increment();
            s.malformed.increment();
            LOG.debug("malformed flow datagram from {}: {}", d.source(), e.getMessage());
            return;
        }
        ExporterStats s = counters.exporter(dd.exporter());
        s.datagrams.increment();
        int templateChanges = dd.templates() + dd.optionsTemplates() + dd.withdrawnTemplates();
        if (templateChanges > 0) {
            s.templates.add(dd.templates() + dd.optionsTemplates());
            s.withdrawn.add(dd.withdrawnTemplates());
            templatesDirty = true;
            templatesCached = decoder.templates().size();
        }
        if (dd.droppedSets() > 0) s.heldDropped.add(dd.droppedSets());
        List<FlowRecord> out = new ArrayList<>(dd.records().size() + dd.released().size());
        Consumer<FlowRecord> add = out::add;
        map(dd.records(), d.receivedNanos(), s, add);
        map(dd.released(), d.receivedNanos(), s, add);
        for (InterfaceCounters c : dd.counters()) utilisation.update(c, d.receivedNanos());
        if (out.isEmpty()) return;
        for (FlowRecord r : out) count(r, s);
        if (decoded.offer(List.copyOf(out))) counters.handedOn.add(out.size());
        else counters.pipelineDrops.add(out.size());
        for (FlowRecord r : out) observe(r);
    }

    private void map(List<netwarden.decode.flow.FlowRecord> records, long receivedNanos, ExporterStats s, Consumer<FlowRecord> out) {
        for (netwarden.decode.flow.FlowRecord r : records) {
            if (!r.samplingKnown()) s.samplingUnknown.increment();
            switch (mapper.map(r, receivedNanos, out)) {
                case MAPPED -> { }
                case RETIMED -> s.retimed.increment();
                case NO_SAMPLING -> s.dropped.increment();
                case INCOMPLETE -> counters.incomplete.increment();
            }
        }
    }

    private void count(FlowRecord r, ExporterStats s) {
        long bytes = r.scaledBytes(), packets = r.scaledPackets();
        s.records.increment();
        s.bytes.add(bytes);
        s.packets.add(packets);
        ExporterStats in = counters.iface(r.exporter(), r.inIf(), "in");
        if (in != null) {
            in.records.increment();
            in.bytes.add(bytes);
            in.packets.add(packets);
        }
        ExporterStats out = counters.iface(r.exporter(), r.outIf(), "out");
        if (out != null) {
            out.records.increment();
            out.bytes.add(bytes);
            out.packets.add(packets);
        }
    }

    private void observe(FlowRecord r) {
        try {
            observer.accept(r);
        } catch (RuntimeException e) {
            LOG.warn("flow record observer failed: {}", e.toString());
        }
    }

    private void saveTemplates() {
        templatesDirty = false;
        lastSaveNanos = clock.nanos();
        if (templateStore != null) templateStore.save(decoder.templates().snapshot());
    }

    /** Stops receiving, decodes what is queued, saves the templates. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        receivers.forEach(UdpReceiver::close);
        running = false;
        if (decodeThread != null) {
            try {
                decodeThread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!decodeThread.isAlive() && templatesDirty) saveTemplates();
        }
    }
}
