package netwarden.ship.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import netwarden.ship.format.BatchCodec;
import netwarden.ship.format.ShipBatch;
import netwarden.ship.format.ShipFormatException;
import netwarden.ship.http.Backoff;
import netwarden.ship.http.Sleeper;
import netwarden.ship.receive.BatchReceiver;
import netwarden.ship.receive.LedgerException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's Kafka side: a consumer in a consumer group feeding the {@link BatchReceiver}.
 * Offsets are committed only for records whose rows were stored (or were duplicates, or bad and
 * counted), so a consumer that dies between storing and committing makes its successor re-read
 * a few records, which the receiver's high-water mark drops. When the ledger fails, the partition
 * is rewound to the first record not stored and the consumer waits a {@link Backoff} step.
 * A record whose key is not the batch's agent id is refused (counted, skipped). Inert until {@link #start()}.
 */
public final class KafkaIngest implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaIngest.class);

    private final BatchReceiver receiver;
    private final String topic;
    private final Map<String, Object> config;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Thread thread;
    private final LongAdder consumed = new LongAdder(), bad = new LongAdder(), commits = new LongAdder();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean closing;

    /** The consumer settings ingest needs on top of {@code extra} (bootstrap servers, TLS/SASL). */
    public static Map<String, Object> consumerConfig(String groupId, Map<String, Object> extra) {
        Map<String, Object> c = new HashMap<>(extra);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, Objects.requireNonNull(groupId, "groupId"));
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return c;
    }

    public KafkaIngest(BatchReceiver receiver, String topic, String groupId, Map<String, Object> extra, Backoff backoff, Sleeper sleeper) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.config = consumerConfig(groupId, extra);
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.thread = Thread.ofPlatform().daemon().name("netwarden-kafka-ingest").unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(config)) {
            consumer = c;
            c.subscribe(List.of(topic));
            int failures = 0;
            while (!closing) {
                ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                boolean failed = false;
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                        if (closing) break;
                        try {
                            handle(r);
                        } catch (LedgerException e) {
                            failed = true;
                            c.seek(tp, r.offset());
                            if (++failures == 1 || failures % 20 == 0) LOG.warn("Kafka ingest: storing failed ({} tries): {}", failures, e.getMessage());
                            break;
                        }
                        done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                    }
                }
                if (!done.isEmpty() && !closing) {
                    c.commitSync(done);
                    commits.increment();
                }
                if (failed) sleeper.sleep(backoff.delay(failures));
                else failures = 0;
            }
        } catch (WakeupException | InterruptedException e) {
            // close() asked us to stop.
        } catch (RuntimeException e) {
            LOG.error("Kafka ingest stopped: {}", e.toString(), e);
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) throws LedgerException {
        consumed.increment();
        ShipBatch b;
        try {
            b = BatchCodec.decode(r.value());
        } catch (ShipFormatException | NullPointerException e) {
            bad.increment();
            LOG.debug("Kafka ingest: bad record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            return;
        }
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        try {
            receiver.receive(key, b);
        } catch (BatchReceiver.ForeignAgentException e) {
            bad.increment();
            LOG.debug("Kafka ingest: {}", e.getMessage());
        }
    }

    public long consumed() { return consumed.sum(); }
    public long bad() { return bad.sum(); }
    public long commits() { return commits.sum(); }

    /** Stops after the record in hand; records polled but not stored are not committed and will be read again. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) c.wakeup();
        thread.join(30_000);
    }
}
