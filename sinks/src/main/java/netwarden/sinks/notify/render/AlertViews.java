package netwarden.sinks.notify.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netwarden.model.Event;
import netwarden.model.Severity;
import netwarden.sinks.notify.render.NoticeView.Field;

/** Alerts raised outside the engine (Alertmanager). */
public final class AlertViews {
    private AlertViews() {}

    static NoticeView external(Event.ExternalAlert x) {
        boolean firing = !"resolved".equalsIgnoreCase(x.status());
        Severity s = severity(x.severity());
        String title = (firing ? "🔔 [FIRING] " : "✅ [RESOLVED] ") + x.name() + (x.service().equals(x.name()) ? "" : " on " + x.service());
        String description = first(x.annotations(), "summary", "description", "message");
        List<Field> f = new ArrayList<>();
        if (!x.severity().isEmpty()) f.add(Field.of("Severity", x.severity()));
        String details = x.annotations().get("description");
        if (details != null && !details.equals(description)) f.add(Field.wide("Description", details));
        Map<String, String> labels = new TreeMap<>(x.labels());
        labels.remove("alertname");
        labels.remove("severity");
        if (!labels.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            labels.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "\n").append(k).append('=').append(v));
            f.add(Field.wide("Labels", sb.toString()));
        }
        return new NoticeView(title, description, firing ? NoticeViews.color(s) : NoticeView.GREEN, f, NoticeViews.FOOTER + " · alertmanager", x.tsNanos());
    }

    /**
     * Maps an alert's severity label onto netwarden's ladder: critical/page → CRITICAL,
     * high/error/major → HIGH, warning/warn/medium/minor → MEDIUM, anything else (info, none, "") → LOW.
     */
    public static Severity severity(String label) {
        return switch (label == null ? "" : label.toLowerCase(java.util.Locale.ROOT)) {
            case "critical", "page", "emergency", "fatal" -> Severity.CRITICAL;
            case "high", "error", "major" -> Severity.HIGH;
            case "warning", "warn", "medium", "minor" -> Severity.MEDIUM;
            default -> Severity.LOW;
        };
    }

    private static String first(Map<String, String> m, String... keys) {
        for (String k : keys) {
            String v = m.get(k);
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }
}
