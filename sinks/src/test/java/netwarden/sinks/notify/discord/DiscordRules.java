package netwarden.sinks.notify.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Checks a webhook payload against Discord's documented limits, the way the test server does. */
final class DiscordRules {
    private DiscordRules() {}

    static List<String> violations(JsonNode payload) {
        List<String> v = new ArrayList<>();
        JsonNode embeds = payload.path("embeds");
        if (!embeds.isArray() || embeds.isEmpty()) v.add("no embeds");
        if (embeds.size() > 10) v.add("more than 10 embeds: " + embeds.size());
        if (!payload.path("allowed_mentions").path("parse").isArray() || !payload.path("allowed_mentions").path("parse").isEmpty())
            v.add("mentions not disabled");
        int total = 0;
        for (JsonNode e : embeds) {
            total += check(v, e.path("title"), 256, "title") + check(v, e.path("description"), 4096, "description")
                    + check(v, e.path("footer").path("text"), 2048, "footer") + check(v, e.path("author").path("name"), 256, "author");
            JsonNode fields = e.path("fields");
            if (fields.size() > 25) v.add("more than 25 fields: " + fields.size());
            for (JsonNode f : fields) {
                if (f.path("name").asText().isEmpty() || f.path("value").asText().isEmpty()) v.add("empty field");
                total += check(v, f.path("name"), 256, "field name") + check(v, f.path("value"), 1024, "field value");
            }
        }
        if (total > 6000) v.add("total characters over 6000: " + total);
        return v;
    }

    private static int check(List<String> v, JsonNode text, int max, String what) {
        if (text.isMissingNode() || text.isNull()) return 0;
        String s = text.asText();
        int chars = s.codePointCount(0, s.length());
        if (chars > max) v.add(what + " over " + max + ": " + chars);
        return chars;
    }
}
