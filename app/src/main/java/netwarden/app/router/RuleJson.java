package netwarden.app.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import netwarden.app.config.RouterRuleText;
import netwarden.engine.router.RouterRule;

/** A router rule as JSON, the shape of the API and of rules.json: {@code {type, device, remote, asn, org, port, code}}. */
final class RuleJson {
    private RuleJson() {}

    static ObjectNode write(RouterRule r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("type", r.type().name().toLowerCase(Locale.ROOT));
        o.put("device", r.device() == null ? null : r.device().toString());
        o.put("remote", r.remote() == null ? null : r.remote() + "/" + r.remoteLength());
        o.put("asn", r.asn() < 0 ? null : r.asn());
        o.put("org", r.org().isEmpty() ? null : r.org());
        o.put("port", r.port() < 0 ? null : r.port());
        o.put("code", r.code() == null ? null : r.code().name());
        return o;
    }

    /** @throws IllegalArgumentException naming what is wrong */
    static RouterRule read(JsonNode n) {
        if (n == null || !n.isObject()) throw new IllegalArgumentException("a rule is a JSON object");
        return RouterRuleText.parse(text(n, "type"), text(n, "device"), text(n, "remote"), number(n, "asn"), text(n, "org"),
                number(n, "port") == null ? null : Math.toIntExact(number(n, "port")), text(n, "code"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new IllegalArgumentException(field + " must be a string: " + v);
        return v.asText();
    }

    private static Long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.canConvertToLong() || !v.isIntegralNumber()) throw new IllegalArgumentException(field + " must be a whole number: " + v);
        return v.longValue();
    }
}
