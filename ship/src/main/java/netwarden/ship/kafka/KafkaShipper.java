package netwarden.ship.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import netwarden.ship.format.BatchCodec;
import netwarden.ship.format.ShipBatch;
import netwarden.ship.http.Backoff;
import netwarden.ship.http.Sleeper;
import netwarden.ship.spool.Spool;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the {@link Spool} to a Kafka topic: record key = agent id (one agent's batches stay in
 * order on one partition), value = the batch JSON, header {@code netwarden-format}. The producer is
 * idempotent with {@code acks=all}; up to {@link #WINDOW} batches are in flight, and the spool is
 * acknowledged up to the last batch only once all of them were written. On any failure it waits a
 * {@link Backoff} step and resends from the acknowledged point; a batch sent twice that way is
 * dropped by the receiver's high-water mark. Inert until {@link #start()}.
 */
public final class KafkaShipper implements AutoCloseable {
    public static final String FORMAT_HEADER = "netwarden-format";
    static final int WINDOW = 64;
    private static final Logger LOG = LoggerFactory.getLogger(KafkaShipper.class);

    private final Spool spool;
    private final String topic;
    private final Producer<byte[], byte[]> producer;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final java.time.Duration idlePoll;
    private final Thread thread;
    private final LongAdder sentBatches = new LongAdder(), sentRows = new LongAdder(), retries = new LongAdder();
    private volatile boolean closing;

    /** The producer settings shipping needs on top of {@code extra} (bootstrap servers, TLS/SASL). */
    public static Map<String, Object> producerConfig(Map<String, Object> extra) {
        Map<String, Object> c = new HashMap<>(extra);
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        c.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        return c;
    }

    public KafkaShipper(Spool spool, String topic, Map<String, Object> extra, Backoff backoff, Sleeper sleeper, java.time.Duration idlePoll) {
        this(spool, topic, new KafkaProducer<>(producerConfig(extra)), backoff, sleeper, idlePoll);
    }

    KafkaShipper(Spool spool, String topic, Producer<byte[], byte[]> producer, Backoff backoff, Sleeper sleeper, java.time.Duration idlePoll) {
        this.spool = Objects.requireNonNull(spool, "spool");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.idlePoll = Objects.requireNonNull(idlePoll, "idlePoll");
        this.thread = Thread.ofPlatform().daemon().name("netwarden-kafka-shipper").unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        int failures = 0;
        while (!closing) {
            try {
                List<ShipBatch> window = new ArrayList<>();
                for (ShipBatch b = spool.next(spool.acknowledged()); b != null && window.size() < WINDOW; b = spool.next(b.sequence())) window.add(b);
                if (window.isEmpty()) {
                    sleeper.sleep(idlePoll);
                    continue;
                }
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (ShipBatch b : window) {
                    ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, b.agentId().getBytes(StandardCharsets.UTF_8), BatchCodec.encode(b));
                    r.headers().add(FORMAT_HEADER, Integer.toString(ShipBatch.VERSION).getBytes(StandardCharsets.US_ASCII));
                    sent.add(producer.send(r));
                }
                producer.flush();
                for (Future<RecordMetadata> f : sent) f.get();
                spool.acknowledge(window.getLast().sequence());
                sentBatches.add(window.size());
                window.forEach(b -> sentRows.add(b.rows().size()));
                failures = 0;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failures++;
                retries.increment();
                if (failures == 1 || failures % 20 == 0) LOG.warn("shipping to Kafka topic {} failed ({} tries): {}", topic, failures, e.toString());
                try {
                    sleeper.sleep(backoff.delay(failures));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    public long sentBatches() { return sentBatches.sum(); }
    public long sentRows() { return sentRows.sum(); }
    public long retries() { return retries.sum(); }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        thread.interrupt();
        thread.join(10_000);
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
