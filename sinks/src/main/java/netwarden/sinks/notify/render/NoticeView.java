package netwarden.sinks.notify.render;

import java.util.List;

/**
 * A notice as words, independent of where it goes: Discord, Slack and e-mail each lay this out in
 * their own format. Addresses in it are already masked or not, as the channel wants. Plain text:
 * no markup (renderers add their own), so user-supplied strings cannot inject any.
 *
 * @param color  RGB, e.g. 0x2ECC71 for a join
 * @param footer small print, or null
 */
public record NoticeView(String title, String description, int color, List<Field> fields, String footer, long tsNanos) {
    public NoticeView {
        fields = List.copyOf(fields);
    }

    /**
     * @param code   the value is machine text (connect strings, addresses), shown in monospace
     * @param inline may sit beside its neighbours
     */
    public record Field(String name, String value, boolean inline, boolean code) {
        public static Field of(String name, String value) {
            return new Field(name, value, true, false);
        }

        public static Field wide(String name, String value) {
            return new Field(name, value, false, false);
        }

        public static Field code(String name, String value) {
            return new Field(name, value, false, true);
        }
    }

    /** Colours by meaning. */
    public static final int GREEN = 0x2ECC71, RED = 0xE74C3C, DARK_RED = 0x992D22, ORANGE = 0xE67E22,
            YELLOW = 0xF1C40F, BLUE = 0x3498DB, GREY = 0x95A5A6, PURPLE = 0x9B59B6;

    /** Plain text: title, description, one "name: value" line per field, footer. */
    public String plainText() {
        StringBuilder sb = new StringBuilder(title).append("\n\n");
        if (description != null && !description.isEmpty()) sb.append(description).append("\n\n");
        for (Field f : fields) sb.append(f.name()).append(": ").append(f.value().replace("\n", "\n    ")).append('\n');
        if (footer != null) sb.append('\n').append(footer).append('\n');
        return sb.toString();
    }
}
