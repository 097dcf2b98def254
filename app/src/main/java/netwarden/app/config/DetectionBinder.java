package netwarden.app.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netwarden.engine.detect.DetectionConfig;
import netwarden.engine.detect.Metric;
import netwarden.engine.detect.ScopeRules;

/**
 * Binds the {@code detection:} section onto {@link DetectionConfig}. Per scope ({@code service},
 * {@code host}, {@code network}) the {@code floors} mapping edits the defaults: a metric written
 * with a number sets (or adds) its floor, a metric written as {@code off} (or null) is no longer
 * watched, a metric not written keeps its default. Metric names outside {@link Metric} are errors
 * naming the allowed ones.
 */
final class DetectionBinder {
    /** A floor as text: a number with an optional SI suffix (k = 10^3, M = 10^6, G = 10^9). */
    private static final Pattern FLOOR = Pattern.compile("(\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)\\s*([kMG]?)");

    private final ConfigBinder binder;

    DetectionBinder(ConfigBinder binder) {
        this.binder = binder;
    }

    DetectionConfig bind(RawConfig.Detection r, DetectionConfig d) {
        if (r == null) return d;
        ScopeRules service = scope("detection.service", r.service(), d.service());
        ScopeRules host = scope("detection.host", r.host(), d.host());
        ScopeRules network = scope("detection.network", r.network(), d.network());
        Duration coldStart = wholeSeconds("detection.cold-start", r.coldStart(), d.coldStart());
        Duration halfLife = wholeSeconds("detection.baseline-half-life", r.baselineHalfLife(), d.baselineHalfLife());
        Duration quiet = binder.duration("detection.quiet-period", r.quietPeriod(), d.quietPeriod());
        Duration cooldown = binder.duration("detection.cooldown", r.cooldown(), d.cooldown());
        Duration updateEvery = binder.duration("detection.update-every", r.updateEvery(), d.updateEvery());
        return binder.check("detection", () -> new DetectionConfig(or(r.enabled(), d.enabled()), service, host, network,
                or(r.fastK(), d.fastK()), or(r.fastN(), d.fastN()), or(r.instantFactor(), d.instantFactor()),
                or(r.slowAlpha(), d.slowAlpha()), or(r.baselines(), d.baselines()), coldStart, halfLife,
                or(r.baselineK(), d.baselineK()), quiet, or(r.hysteresis(), d.hysteresis()), cooldown, updateEvery,
                or(r.maxHosts(), d.maxHosts()), or(r.samplePackets(), d.samplePackets()), or(r.topSources(), d.topSources()),
                or(r.recentIncidents(), d.recentIncidents())));
    }

    private ScopeRules scope(String at, RawConfig.DetectionScope r, ScopeRules d) {
        if (r == null) return d;
        var floors = new EnumMap<Metric, Double>(Metric.class);
        floors.putAll(d.floors());
        if (r.floors() != null) {
            for (Map.Entry<String, Object> e : r.floors().entrySet()) {
                String path = at + ".floors." + e.getKey();
                Metric metric = metric(path, e.getKey());
                Double floor = floor(path, e.getValue());
                if (floor != null && metric == Metric.NEW_SOURCES && !at.equals("detection.service"))
                    throw binder.error(path, path + ": new sources are counted per service only; set it under detection.service.floors");
                if (floor == null) floors.remove(metric);
                else floors.put(metric, floor);
            }
        }
        boolean enabled = or(r.enabled(), d.enabled());
        return binder.check(at, () -> new ScopeRules(enabled, floors));
    }

    private Metric metric(String path, String key) {
        for (Metric m : Metric.values()) if (m.key().equals(key)) return m;
        throw binder.error(path, "unknown metric '" + path + "' (known metrics: "
                + String.join(", ", Arrays.stream(Metric.values()).map(Metric::key).toList()) + ")");
    }

    /** The floor written at {@code path}, or null for off. */
    private Double floor(String path, Object value) {
        double v;
        switch (value) {
            case null -> {
                return null;
            }
            case Boolean b when !b -> {
                return null; // YAML 1.1 readers may turn a bare off into false
            }
            case Number n -> v = n.doubleValue();
            case String s -> {
                String text = binder.string(path, s).trim();
                if (text.equalsIgnoreCase("off")) return null;
                Matcher m = FLOOR.matcher(text);
                if (!m.matches()) throw badFloor(path, "'" + text + "'");
                v = Double.parseDouble(m.group(1)) * switch (m.group(2)) {
                    case "k" -> 1e3;
                    case "M" -> 1e6;
                    case "G" -> 1e9;
                    default -> 1;
                };
            }
            default -> throw badFloor(path, String.valueOf(value));
        }
        if (!Double.isFinite(v) || v <= 0) throw badFloor(path, format(v));
        return v;
    }

    private ConfigException badFloor(String path, String written) {
        return binder.error(path, path + " must be a positive number (e.g. 20000, 2.5k, 200M) or off: " + written);
    }

    private Duration wholeSeconds(String path, String raw, Duration fallback) {
        Duration d = binder.duration(path, raw, fallback);
        if (d.isZero() || d.isNegative() || d.toNanos() % 1_000_000_000L != 0)
            throw binder.error(path, path + " must be a positive whole number of seconds: " + Durations.format(d));
        return d;
    }

    /** A floor as a config file writes it: whole numbers without a decimal point. */
    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v).toLowerCase(Locale.ROOT);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
