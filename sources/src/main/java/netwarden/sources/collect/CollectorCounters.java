package netwarden.sources.collect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import netwarden.model.Ip;

/**
 * Everything the collector counts, per exporter and per (exporter, interface, direction), bounded:
 * beyond {@link #MAX_EXPORTERS} exporters or {@link #MAX_INTERFACES} interfaces new ones are folded
 * into the label {@code other}, so a spoofed flood of exporters cannot grow the registry without end.
 * Written by the decode thread, read at scrape time.
 */
public final class CollectorCounters {
    static final int MAX_EXPORTERS = 1_024;
    static final int MAX_INTERFACES = 16_384;
    static final String OTHER = "other";

    /** An interface of an exporter, in or out. */
    record InterfaceKey(String exporter, long ifIndex, String direction) {}

    final Map<String, ExporterStats> exporters = new ConcurrentHashMap<>();
    final Map<InterfaceKey, ExporterStats> interfaces = new ConcurrentHashMap<>();
    /** Datagrams the listener's kind does not take (sFlow on a NetFlow port), by listener. */
    final Map<String, LongAdder> misdirected = new ConcurrentHashMap<>();
    /** Records refused as incomplete (no-sampling is per exporter), handed on to the pipeline queue or dropped there. */
    final LongAdder incomplete = new LongAdder();
    final LongAdder handedOn = new LongAdder();
    final LongAdder pipelineDrops = new LongAdder();

    ExporterStats exporter(Ip exporter) {
        String key = exporter.toString();
        ExporterStats s = exporters.get(key);
        if (s != null) return s;
        return exporters.computeIfAbsent(exporters.size() >= MAX_EXPORTERS ? OTHER : key, k -> new ExporterStats());
    }

    /** The stats of one interface; null for an unknown interface (-1), which has none. */
    ExporterStats iface(Ip exporter, long ifIndex, String direction) {
        if (ifIndex < 0) return null;
        InterfaceKey key = new InterfaceKey(exporter.toString(), ifIndex, direction);
        ExporterStats s = interfaces.get(key);
        if (s != null) return s;
        if (interfaces.size() >= MAX_INTERFACES) key = new InterfaceKey(OTHER, -1, direction);
        return interfaces.computeIfAbsent(key, k -> new ExporterStats());
    }

    void misdirected(CollectListener l) {
        misdirected.computeIfAbsent(l.label(), k -> new LongAdder()).increment();
    }

    /** Records dropped because the exporter's rate was unknown and flows.default-sampling says drop, plus those counted at a default. */
    public long samplingUnknown() {
        return exporters.values().stream().mapToLong(s -> s.samplingUnknown.sum()).sum();
    }

    /** Records handed to the pipeline. */
    public long handedOn() {
        return handedOn.sum();
    }

    /** Records decoded but dropped because the pipeline's queue was full. */
    public long pipelineDrops() {
        return pipelineDrops.sum();
    }

    public long malformed() {
        return exporters.values().stream().mapToLong(s -> s.malformed.sum()).sum();
    }
}
