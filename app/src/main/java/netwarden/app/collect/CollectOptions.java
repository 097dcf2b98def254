package netwarden.app.collect;

import java.util.List;
import netwarden.sources.collect.CollectListener;
import netwarden.sources.collect.CollectorConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code --collect netflow=ADDR:PORT} / {@code --collect sflow=ADDR:PORT} of {@code netwarden run}
 * (repeatable), as a picocli mixin. Given on the command line, they replace the config file's
 * {@code collect.netflow}/{@code collect.sflow} listeners.
 */
public final class CollectOptions {
    @Option(names = "--collect", paramLabel = "netflow|sflow=ADDR:PORT", converter = ListenerConverter.class,
            description = {"Collect flow exports on a UDP port: netflow=ADDR:PORT takes NetFlow v5, v9 and IPFIX,",
                "sflow=ADDR:PORT takes sFlow v5 ([v6]:PORT for IPv6). Repeat for several (docs/flows.md)."})
    List<CollectListener> listeners;

    public boolean requested() {
        return listeners != null && !listeners.isEmpty();
    }

    public CollectorConfig applyTo(CollectorConfig base) {
        return requested() ? base.withListeners(listeners) : base;
    }

    static final class ListenerConverter implements ITypeConverter<CollectListener> {
        @Override
        public CollectListener convert(String value) {
            return CollectListener.parse(value);
        }
    }
}
