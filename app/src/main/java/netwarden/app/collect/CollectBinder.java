package netwarden.app.collect;

import static netwarden.app.config.Binding.or;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netwarden.app.capture.CaptureConfigBinder;
import netwarden.app.config.Binding;
import netwarden.decode.flow.SamplingOverride;
import netwarden.sources.collect.CollectKind;
import netwarden.sources.collect.CollectListener;
import netwarden.sources.collect.CollectorConfig;

/**
 * Turns the {@code collect:} section and {@code flows.default-sampling} into a {@link CollectorConfig}.
 * Problems are recorded in the {@link Binding} at their key ({@code collect.netflow[0]}).
 */
public final class CollectBinder {
    private CollectBinder() {}

    public static CollectorConfig bind(RawCollect raw, String defaultSampling, Binding b) {
        CollectorConfig d = CollectorConfig.defaults();
        String samplingText = b.string("flows.default-sampling", defaultSampling);
        long sampling = samplingText == null ? d.defaultSampling()
                : b.check("flows.default-sampling", () -> defaultSampling(samplingText), d.defaultSampling());
        if (raw == null) return d.withDefaultSampling(sampling);
        List<CollectListener> listeners = new ArrayList<>();
        listeners(b, "collect.netflow", CollectKind.NETFLOW, raw.netflow(), listeners);
        listeners(b, "collect.sflow", CollectKind.SFLOW, raw.sflow(), listeners);
        String bufferText = b.string("collect.receive-buffer", raw.receiveBuffer());
        int buffer = bufferText == null ? d.receiveBuffer()
                : b.check("collect.receive-buffer", () -> CaptureConfigBinder.bytes("collect.receive-buffer", bufferText), d.receiveBuffer());
        Duration skew = b.duration("collect.max-clock-skew", raw.maxClockSkew(), d.maxSkew());
        List<SamplingOverride> overrides = new ArrayList<>();
        if (raw.samplingOverrides() != null) {
            for (int i = 0; i < raw.samplingOverrides().size(); i++) {
                String at = "collect.sampling-overrides[" + i + "]";
                String text = b.string(at, raw.samplingOverrides().get(i));
                if (text == null) {
                    if (raw.samplingOverrides().get(i) == null) b.problem(at, null, at + " is empty", "write ADDR[/LEN]=RATE, e.g. 192.0.2.0/24=1000");
                    continue;
                }
                SamplingOverride o = b.check(at, () -> SamplingOverride.parse(text), null);
                if (o != null) overrides.add(o);
            }
        }
        return b.check("", () -> new CollectorConfig(listeners, buffer, or(raw.queueCapacity(), d.queueCapacity()), sampling, overrides,
                or(raw.maxTemplates(), d.maxTemplates()), null, skew), d.withDefaultSampling(sampling));
    }

    private static void listeners(Binding b, String key, CollectKind kind, List<String> raw, List<CollectListener> out) {
        if (raw == null) return;
        for (int i = 0; i < raw.size(); i++) {
            String at = key + "[" + i + "]";
            String text = b.string(at, raw.get(i));
            if (text == null) {
                if (raw.get(i) == null) b.problem(at, null, at + " is empty", "write ADDR:PORT, e.g. 0.0.0.0:2055 or [::]:6343");
                continue;
            }
            CollectListener l = b.check(at, () -> CollectListener.parse(kind.key() + "=" + text.trim()), null);
            if (l != null) out.add(l);
        }
    }

    /** {@code drop} is 0; a whole number at least 1 is that rate. */
    public static long defaultSampling(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("drop")) return 0;
        try {
            long rate = Long.parseLong(t);
            if (rate >= 1) return rate;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("flows.default-sampling must be drop or a sampling rate of at least 1: '" + text + "'");
    }

    /** As the config writes it. */
    public static String defaultSamplingText(long rate) {
        return rate == 0 ? "drop" : Long.toString(rate);
    }
}
