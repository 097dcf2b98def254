package netwarden.sinks.notify.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import netwarden.sinks.notify.discord.DiscordLimits;
import netwarden.sinks.notify.render.NoticeView;

/**
 * Slack incoming-webhook JSON: a fallback {@code text} plus one coloured attachment holding Block
 * Kit blocks (a section with title and description, sections of up to 10 fields, a context line).
 * Slack's limits are kept: section text 3000, field text 2000, 10 fields per section, 50 blocks;
 * {@code &}, {@code <} and {@code >} are escaped so no text can form a link or a mention.
 */
public final class SlackPayload {
    static final int SECTION_TEXT = 3000, FIELD_TEXT = 2000, FIELDS_PER_SECTION = 10, BLOCKS = 50;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SlackPayload() {}

    public static byte[] json(NoticeView v) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("text", DiscordLimits.truncate(escape(v.title()), SECTION_TEXT));
        ObjectNode attachment = root.putArray("attachments").addObject();
        attachment.put("color", String.format("#%06X", v.color() & 0xFFFFFF));
        ArrayNode blocks = attachment.putArray("blocks");
        String head = "*" + escape(v.title()) + "*" + (v.description() == null ? "" : "\n" + escape(v.description()));
        section(blocks).putObject("text").put("type", "mrkdwn").put("text", DiscordLimits.truncate(head, SECTION_TEXT));
        List<NoticeView.Field> fields = v.fields();
        for (int i = 0; i < fields.size() && blocks.size() < BLOCKS - 1; i += FIELDS_PER_SECTION) {
            ArrayNode array = section(blocks).putArray("fields");
            for (NoticeView.Field f : fields.subList(i, Math.min(fields.size(), i + FIELDS_PER_SECTION))) {
                String value = f.code() ? "`" + escape(f.value()).replace("`", "'") + "`" : escape(f.value());
                array.addObject().put("type", "mrkdwn").put("text", DiscordLimits.truncate("*" + escape(f.name()) + "*\n" + value, FIELD_TEXT));
            }
        }
        if (v.footer() != null) {
            ObjectNode context = blocks.addObject().put("type", "context");
            context.putArray("elements").addObject().put("type", "mrkdwn").put("text", DiscordLimits.truncate(escape(v.footer()), FIELD_TEXT));
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of plain nodes", e);
        }
    }

    private static ObjectNode section(ArrayNode blocks) {
        return blocks.addObject().put("type", "section");
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
