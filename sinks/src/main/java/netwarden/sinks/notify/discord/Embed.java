package netwarden.sinks.notify.discord;

import java.util.List;

/**
 * One Discord embed, as plain strings, before it is written as JSON.
 *
 * @param authorName may be null; footer may be null; timestamp ISO-8601 or null
 */
record Embed(String title, String description, int color, List<Field> fields, String footer, String authorName, String timestamp) {
    Embed {
        fields = List.copyOf(fields);
    }

    record Field(String name, String value, boolean inline) {}

    /** Characters Discord counts toward the 6000 per message. */
    int countedLength() {
        int n = len(title) + len(description) + len(footer) + len(authorName);
        for (Field f : fields) n += len(f.name()) + len(f.value());
        return n;
    }

    static int len(String s) {
        return s == null ? 0 : s.length();
    }
}
