package netwarden.sources.collect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import netwarden.decode.flow.SamplingOverride;

/**
 * The flow collectors of {@code run}: UDP listeners for NetFlow v5/v9/IPFIX and sFlow v5.
 *
 * @param listeners      the ports; none means no collector
 * @param receiveBuffer  SO_RCVBUF asked for each socket (bytes); the kernel caps it at {@code net.core.rmem_max}
 * @param queueCapacity  datagrams waiting between the receive threads and the decoder; beyond, they are dropped and counted
 * @param defaultSampling what a record without a known sampling rate counts as: 0 drops it (counted), N counts it as 1:N;
 *                       either way it is counted in {@code netwarden_flow_sampling_unknown_total}
 * @param overrides      sampling rates forced per exporter or prefix
 * @param maxTemplates   templates kept across all exporters
 * @param templatesFile  where learned templates are saved and reloaded at start; null keeps them in memory only
 * @param maxSkew        records ending further than this ahead of their receive time are re-timed to it (an exporter's clock is wrong)
 */
public record CollectorConfig(List<CollectListener> listeners, int receiveBuffer, int queueCapacity, long defaultSampling,
                              List<SamplingOverride> overrides, int maxTemplates, Path templatesFile, Duration maxSkew) {
    public static final int DEFAULT_RECEIVE_BUFFER = 32 << 20;

    public CollectorConfig {
        listeners = List.copyOf(Objects.requireNonNull(listeners, "listeners"));
        overrides = List.copyOf(Objects.requireNonNull(overrides, "overrides"));
        Objects.requireNonNull(maxSkew, "maxSkew");
        var seen = new HashSet<java.net.InetSocketAddress>();
        for (CollectListener l : listeners) {
            if (!seen.add(l.address())) throw new IllegalArgumentException("collect: " + l.label() + " is listed twice");
        }
        if (receiveBuffer < 65_536) throw new IllegalArgumentException("collect.receive-buffer must be at least 64KiB: " + receiveBuffer);
        if (queueCapacity < 1) throw new IllegalArgumentException("collect.queue-capacity must be positive: " + queueCapacity);
        if (defaultSampling < 0) throw new IllegalArgumentException("flows.default-sampling must be drop or a rate of at least 1: " + defaultSampling);
        if (maxTemplates < 1) throw new IllegalArgumentException("collect.max-templates must be positive: " + maxTemplates);
        if (maxSkew.isNegative()) throw new IllegalArgumentException("collect.max-clock-skew must not be negative: " + maxSkew);
    }

    /** No listeners; unknown sampling drops the record; templates in memory only. */
    public static CollectorConfig defaults() {
        return new CollectorConfig(List.of(), DEFAULT_RECEIVE_BUFFER, 65_536, 0, List.of(), 65_536, null, Duration.ofSeconds(30));
    }

    public boolean enabled() {
        return !listeners.isEmpty();
    }

    public CollectorConfig withListeners(List<CollectListener> l) {
        return new CollectorConfig(l, receiveBuffer, queueCapacity, defaultSampling, overrides, maxTemplates, templatesFile, maxSkew);
    }

    public CollectorConfig withTemplatesFile(Path file) {
        return new CollectorConfig(listeners, receiveBuffer, queueCapacity, defaultSampling, overrides, maxTemplates, file, maxSkew);
    }

    public CollectorConfig withDefaultSampling(long rate) {
        return new CollectorConfig(listeners, receiveBuffer, queueCapacity, rate, overrides, maxTemplates, templatesFile, maxSkew);
    }
}
