package netwarden.app.collect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import netwarden.app.config.Durations;
import netwarden.decode.flow.SamplingOverride;
import netwarden.sources.collect.CollectKind;
import netwarden.sources.collect.CollectListener;
import netwarden.sources.collect.CollectorConfig;

/** The {@code collect:} section as {@code check-config} prints it, every key with its default. */
public final class CollectRenderer {
    private CollectRenderer() {}

    public static void collect(ObjectNode n, CollectorConfig c) {
        ArrayNode netflow = n.putArray("netflow");
        ArrayNode sflow = n.putArray("sflow");
        for (CollectListener l : c.listeners()) (l.kind() == CollectKind.NETFLOW ? netflow : sflow).add(l.label());
        n.put("receive-buffer", c.receiveBuffer()).put("queue-capacity", c.queueCapacity()).put("max-templates", c.maxTemplates())
                .put("max-clock-skew", Durations.format(c.maxSkew()));
        ArrayNode overrides = n.putArray("sampling-overrides");
        for (SamplingOverride o : c.overrides()) overrides.add(o.prefix() + "/" + o.prefixLength() + "=" + o.rate());
    }
}
