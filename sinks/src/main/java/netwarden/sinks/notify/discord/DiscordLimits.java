package netwarden.sinks.notify.discord;

import java.util.ArrayList;
import java.util.List;

/**
 * Discord's documented message limits, enforced by truncating with "…": embed title 256, description
 * 4096, at most 25 fields, field name 256, field value 1024, footer 2048, author name 256, at most
 * 6000 characters across all embeds of a message and at most 10 embeds. Lengths are counted in
 * UTF-16 units, which is never less than what Discord counts, and cuts never split a surrogate pair.
 */
public final class DiscordLimits {
    public static final int TITLE = 256, DESCRIPTION = 4096, FIELDS = 25, FIELD_NAME = 256, FIELD_VALUE = 1024,
            FOOTER = 2048, AUTHOR = 256, TOTAL = 6000, EMBEDS = 10;

    private DiscordLimits() {}

    /** {@code s} cut to at most {@code max} UTF-16 units, ending in "…" when cut; null stays null. */
    public static String truncate(String s, int max) {
        if (s == null || s.length() <= max) return s;
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, Math.max(0, end)) + "…";
    }

    static List<Embed> fit(List<Embed> input) {
        List<Embed> embeds = new ArrayList<>();
        for (Embed e : input.subList(0, Math.min(EMBEDS, input.size()))) embeds.add(fitOne(e));
        while (total(embeds) > TOTAL) embeds = shrink(embeds, total(embeds) - TOTAL);
        return embeds;
    }

    private static Embed fitOne(Embed e) {
        List<Embed.Field> fields = new ArrayList<>();
        for (Embed.Field f : e.fields().subList(0, Math.min(FIELDS, e.fields().size())))
            fields.add(new Embed.Field(nonEmpty(truncate(f.name(), FIELD_NAME)), nonEmpty(truncate(f.value(), FIELD_VALUE)), f.inline()));
        return new Embed(truncate(e.title(), TITLE), truncate(e.description(), DESCRIPTION), e.color(), fields,
                truncate(e.footer(), FOOTER), truncate(e.authorName(), AUTHOR), e.timestamp());
    }

    /** One step toward the total: shorten the longest description or field value, else drop a field or an embed. */
    private static List<Embed> shrink(List<Embed> embeds, int excess) {
        int bestEmbed = -1, bestField = -2, bestLen = 1;
        for (int i = 0; i < embeds.size(); i++) {
            Embed e = embeds.get(i);
            if (Embed.len(e.description()) > bestLen) {
                bestEmbed = i;
                bestField = -1;
                bestLen = e.description().length();
            }
            for (int j = 0; j < e.fields().size(); j++) {
                if (e.fields().get(j).value().length() > bestLen) {
                    bestEmbed = i;
                    bestField = j;
                    bestLen = e.fields().get(j).value().length();
                }
            }
        }
        List<Embed> out = new ArrayList<>(embeds);
        int target = Math.max(1, bestLen - excess);
        if (bestEmbed >= 0 && bestField == -1) {
            Embed e = embeds.get(bestEmbed);
            out.set(bestEmbed, new Embed(e.title(), truncate(e.description(), target), e.color(), e.fields(), e.footer(), e.authorName(), e.timestamp()));
        } else if (bestEmbed >= 0) {
            Embed e = embeds.get(bestEmbed);
            List<Embed.Field> fields = new ArrayList<>(e.fields());
            Embed.Field f = fields.get(bestField);
            fields.set(bestField, new Embed.Field(f.name(), truncate(f.value(), target), f.inline()));
            out.set(bestEmbed, new Embed(e.title(), e.description(), e.color(), fields, e.footer(), e.authorName(), e.timestamp()));
        } else if (out.size() > 1) {
            out.removeLast();
        } else {
            // One embed of short strings: drop fields, then trim the footer and author, the title last.
            Embed e = out.getFirst();
            if (!e.fields().isEmpty()) {
                out.set(0, new Embed(e.title(), e.description(), e.color(), e.fields().subList(0, e.fields().size() - 1), e.footer(), e.authorName(), e.timestamp()));
            } else if (Embed.len(e.footer()) > 64 || e.authorName() != null) {
                out.set(0, new Embed(e.title(), e.description(), e.color(), e.fields(), truncate(e.footer(), 64), null, e.timestamp()));
            } else {
                out.set(0, new Embed(truncate(e.title(), Math.max(1, Embed.len(e.title()) - excess)), e.description(), e.color(), e.fields(), e.footer(), null, e.timestamp()));
            }
        }
        return out;
    }

    private static int total(List<Embed> embeds) {
        int n = 0;
        for (Embed e : embeds) n += e.countedLength();
        return n;
    }

    /** Discord rejects empty field names and values. */
    private static String nonEmpty(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
