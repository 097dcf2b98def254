package netwarden.sinks.notify.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import netwarden.model.Times;
import netwarden.sinks.notify.render.NoticeView;

/**
 * Discord webhook JSON for a {@link NoticeView}: one embed, within {@link DiscordLimits}, with
 * {@code allowed_mentions} empty so no text (an organisation name, an alert annotation) can ping
 * anyone, and markdown characters in values escaped.
 */
public final class DiscordPayload {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DiscordPayload() {}

    public static byte[] json(NoticeView view, String username) {
        return json(List.of(embed(view)), username);
    }

    static byte[] json(List<Embed> embeds, String username) {
        ObjectNode root = MAPPER.createObjectNode();
        if (username != null) root.put("username", username);
        root.putObject("allowed_mentions").putArray("parse");
        ArrayNode array = root.putArray("embeds");
        for (Embed e : DiscordLimits.fit(embeds)) {
            ObjectNode o = array.addObject();
            if (e.title() != null) o.put("title", e.title());
            if (e.description() != null) o.put("description", e.description());
            o.put("color", e.color());
            if (e.timestamp() != null) o.put("timestamp", e.timestamp());
            if (e.authorName() != null) o.putObject("author").put("name", e.authorName());
            if (e.footer() != null) o.putObject("footer").put("text", e.footer());
            if (!e.fields().isEmpty()) {
                ArrayNode fields = o.putArray("fields");
                for (Embed.Field f : e.fields()) fields.addObject().put("name", f.name()).put("value", f.value()).put("inline", f.inline());
            }
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of plain nodes", e);
        }
    }

    static Embed embed(NoticeView v) {
        List<Embed.Field> fields = new ArrayList<>();
        for (NoticeView.Field f : v.fields()) {
            String value = f.code() ? "`" + DiscordLimits.truncate(f.value().replace("`", "'"), DiscordLimits.FIELD_VALUE - 2) + "`"
                    : escape(f.value());
            fields.add(new Embed.Field(f.name(), value, f.inline()));
        }
        return new Embed(v.title(), v.description() == null ? null : escape(v.description()), v.color(), fields, v.footer(), null,
                Times.instant(v.tsNanos()).toString());
    }

    /** Backslash before Discord markdown characters, so text shows as written. */
    static String escape(String s) {
        if (s == null) return null;
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '*' || c == '_' || c == '~' || c == '|' || c == '`') sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }
}
