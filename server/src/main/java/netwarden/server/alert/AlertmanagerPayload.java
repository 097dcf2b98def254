package netwarden.server.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netwarden.model.Event;
import netwarden.wire.JsonText;

/**
 * Reads Alertmanager's webhook payload, version "4", into {@link Event.ExternalAlert}s. Pure: no
 * I/O, clock or metrics.
 *
 * <p>Checked: {@code version} is "4"; {@code status} is "firing" or "resolved"; {@code alerts} is an
 * array whose every element has {@code status} ("firing"/"resolved"), {@code labels} holding a
 * non-empty {@code alertname}, {@code annotations} (both objects of strings), {@code startsAt} and
 * {@code endsAt} (RFC 3339; Go's zero time {@code 0001-01-01T00:00:00Z} means "not set") and a
 * hexadecimal {@code fingerprint}. Fields Alertmanager adds later are ignored. Anything else is an
 * {@link InvalidPayloadException} naming the field and value.
 *
 * <p>Each alert becomes an event with: time {@code startsAt} when firing, {@code endsAt} when
 * resolved; service the {@code service} label, else the alert name; severity the {@code severity}
 * label or ""; the labels and annotations as given.
 */
public final class AlertmanagerPayload {
    /** The only webhook payload version Alertmanager has sent since 0.10. */
    public static final String VERSION = "4";
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private AlertmanagerPayload() {}

    /** The payload is not valid JSON, not version 4, or an alert in it is malformed. */
    public static final class InvalidPayloadException extends Exception {
        private final boolean malformedJson;

        InvalidPayloadException(String message, boolean malformedJson) {
            super(message);
            this.malformedJson = malformedJson;
        }

        /** True when the body was not JSON at all (as opposed to JSON of the wrong shape). */
        public boolean malformedJson() {
            return malformedJson;
        }
    }

    /** The alerts of one webhook body, in payload order. */
    public static List<Event.ExternalAlert> parse(byte[] body) throws InvalidPayloadException {
        JsonNode root;
        try {
            root = JsonText.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("body is not valid JSON: " + e.getOriginalMessage(), true);
        } catch (java.io.IOException e) {
            throw new InvalidPayloadException("body is not valid JSON: " + e.getMessage(), true);
        }
        if (root == null || !root.isObject()) throw invalid("body must be a JSON object");
        String version = text(root, "version", "version");
        if (!VERSION.equals(version))
            throw invalid("version must be \"" + VERSION + "\" (Alertmanager webhook payload): \"" + version + "\"");
        status(root, "status", "status");
        JsonNode alerts = root.get("alerts");
        if (alerts == null || !alerts.isArray()) throw invalid("alerts must be an array");
        List<Event.ExternalAlert> out = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) out.add(alert(alerts.get(i), "alerts[" + i + "]"));
        return out;
    }

    private static Event.ExternalAlert alert(JsonNode a, String where) throws InvalidPayloadException {
        if (!a.isObject()) throw invalid(where + " must be an object");
        String status = status(a, "status", where + ".status");
        Map<String, String> labels = strings(a, "labels", where);
        Map<String, String> annotations = strings(a, "annotations", where);
        String name = labels.get("alertname");
        if (name == null || name.isEmpty()) throw invalid(where + ".labels.alertname is missing or empty");
        Instant startsAt = time(a, "startsAt", where);
        Instant endsAt = time(a, "endsAt", where);
        String fingerprint = text(a, "fingerprint", where + ".fingerprint");
        if (!fingerprint.matches("[0-9a-fA-F]{1,64}"))
            throw invalid(where + ".fingerprint must be hexadecimal: \"" + fingerprint + "\"");
        Instant at = status.equals("resolved") && !endsAt.equals(GO_ZERO_TIME) ? endsAt : startsAt;
        String service = labels.getOrDefault("service", "");
        return new Event.ExternalAlert(nanos(at), service.isEmpty() ? name : service, name, status,
                labels.getOrDefault("severity", ""), labels, annotations);
    }

    private static String status(JsonNode node, String field, String where) throws InvalidPayloadException {
        String s = text(node, field, where);
        if (!s.equals("firing") && !s.equals("resolved"))
            throw invalid(where + " must be \"firing\" or \"resolved\": \"" + s + "\"");
        return s;
    }

    private static String text(JsonNode node, String field, String where) throws InvalidPayloadException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw invalid(where + " is missing");
        if (!v.isTextual()) throw invalid(where + " must be a string: " + v);
        return v.asText();
    }

    private static Map<String, String> strings(JsonNode alert, String field, String where)
            throws InvalidPayloadException {
        JsonNode v = alert.get(field);
        if (v == null || !v.isObject()) throw invalid(where + "." + field + " must be an object");
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isTextual())
                throw invalid(where + "." + field + "." + e.getKey() + " must be a string: " + e.getValue());
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static Instant time(JsonNode alert, String field, String where) throws InvalidPayloadException {
        String s = text(alert, field, where + "." + field);
        Instant t;
        try {
            t = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(where + "." + field + " must be an RFC 3339 time: \"" + s + "\"");
        }
        if (t.isAfter(LATEST)) throw invalid(where + "." + field + " is after " + LATEST + ": \"" + s + "\"");
        return t;
    }

    /** The last instant whose nanoseconds since the epoch fit a long. */
    private static final Instant LATEST = Instant.ofEpochSecond(Long.MAX_VALUE / 1_000_000_000L - 1);

    /** Nanoseconds since the epoch; Go's zero time and other pre-epoch times become 0. */
    private static long nanos(Instant t) {
        if (t.isBefore(Instant.EPOCH)) return 0;
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static InvalidPayloadException invalid(String message) {
        return new InvalidPayloadException(message, false);
    }
}
