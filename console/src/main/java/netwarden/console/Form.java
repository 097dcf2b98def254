package netwarden.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body; repeated names keep every value (acknowledge many). */
record Form(Map<String, List<String>> values) {
    static Form parse(byte[] body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String raw = new String(body, StandardCharsets.UTF_8);
        if (raw.isEmpty()) return new Form(out);
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq), v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.computeIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), x -> new ArrayList<>())
                        .add(URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // a bad %-escape: the pair is skipped, as in query strings
            }
        }
        return new Form(out);
    }

    /** The first value, or null. */
    String first(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.getFirst();
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}
