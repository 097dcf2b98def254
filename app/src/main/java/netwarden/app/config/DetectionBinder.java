package netwarden.app.config;

import static netwarden.app.config.Binding.or;

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

    private final Binding binder;

    DetectionBinder(Binding binder) {
        this.binder = binder;
    }

    DetectionConfig bind(RawConfig.Detection r, DetectionConfig d) {
        if (r == null) return d;
        ScopeRules service = scope("detection.service", r.service(), d.service());
        ScopeRules host = scope("detection.host", r.host(), d.host());
        ScopeRules network = scope("detection.network", r.network(), d.network());
        ScopeRules spray = scope("detection.spray", r.spray(), d.spray());
        Duration coldStart = wholeSeconds("detection.cold-start", r.coldStart(), d.coldStart());
        Duration halfLife = wholeSeconds("detection.baseline-half-life", r.baselineHalfLife(), d.baselineHalfLife());
        Duration quiet = binder.duration("detection.quiet-period", r.quietPeriod(), d.quietPeriod());
        Duration cooldown = binder.duration("detection.cooldown", r.cooldown(), d.cooldown());
        Duration updateEvery = binder.duration("detection.update-every", r.updateEvery(), d.updateEvery());
        double instantFactor = binder.real("detection.instant-factor", r.instantFactor(), d.instantFactor());
        double slowAlpha = binder.real("detection.slow-alpha", r.slowAlpha(), d.slowAlpha());
        double baselineK = binder.real("detection.baseline-k", r.baselineK(), d.baselineK());
        double hysteresis = binder.real("detection.hysteresis", r.hysteresis(), d.hysteresis());
        Duration blockTimeout = binder.duration("detection.block-timeout", r.blockTimeout(), d.blockTimeout());
        return binder.check("", () -> new DetectionConfig(or(r.enabled(), d.enabled()), service, host, network,
                or(r.fastK(), d.fastK()), or(r.fastN(), d.fastN()), instantFactor, slowAlpha, or(r.baselines(), d.baselines()),
                coldStart, halfLife, baselineK, quiet, hysteresis, cooldown, updateEvery,
                or(r.maxHosts(), d.maxHosts()), or(r.samplePackets(), d.samplePackets()), or(r.topSources(), d.topSources()),
                or(r.recentIncidents(), d.recentIncidents()), spray, blockTimeout), d);
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
                if (metric == null || binder.failed(path)) continue;
                if (floor != null && (metric == Metric.NEW_SOURCES || metric == Metric.NEW_SOURCES_10S || metric == Metric.NON_PLAYER)
                        && !at.equals("detection.service"))
                    binder.problem(path, floor, path + ": new sources and players are known per service only", "set it under detection.service.floors");
                else if (floor == null) floors.remove(metric);
                else floors.put(metric, floor);
            }
        }
        boolean enabled = or(r.enabled(), d.enabled());
        return binder.check(at, () -> new ScopeRules(enabled, floors), d);
    }

    /** The metric named {@code key}, or null (recorded) when there is none. */
    private Metric metric(String path, String key) {
        for (Metric m : Metric.values()) if (m.key().equals(key)) return m;
        binder.problem(path, key, "unknown metric '" + path + "' (known metrics: "
                + String.join(", ", Arrays.stream(Metric.values()).map(Metric::key).toList()) + ")", null);
        return null;
    }

    /** The floor written at {@code path}, or null for off (or when wrong: recorded). */
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
                String expanded = binder.string(path, s);
                if (expanded == null) return null;
                String text = expanded.trim();
                if (text.equalsIgnoreCase("off")) return null;
                Matcher m = FLOOR.matcher(text);
                if (!m.matches()) return badFloor(path, "'" + text + "'");
                v = Double.parseDouble(m.group(1)) * switch (m.group(2)) {
                    case "k" -> 1e3;
                    case "M" -> 1e6;
                    case "G" -> 1e9;
                    default -> 1;
                };
            }
            default -> {
                return badFloor(path, String.valueOf(value));
            }
        }
        if (!Double.isFinite(v) || v <= 0) return badFloor(path, format(v));
        return v;
    }

    private Double badFloor(String path, String written) {
        binder.problem(path, written, path + " must be a positive number (e.g. 20000, 2.5k, 200M) or off: " + written, null);
        return null;
    }

    private Duration wholeSeconds(String path, String raw, Duration fallback) {
        Duration d = binder.duration(path, raw, fallback);
        if (!d.isZero() && !d.isNegative() && d.toNanos() % 1_000_000_000L == 0) return d;
        binder.problem(path, d, path + " must be a positive whole number of seconds: " + Durations.format(d), null);
        return fallback;
    }

    /** A floor as a config file writes it: whole numbers without a decimal point. */
    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v).toLowerCase(Locale.ROOT);
    }
}
