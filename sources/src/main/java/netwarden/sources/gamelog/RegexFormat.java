package netwarden.sources.gamelog;

import java.util.List;
import java.util.regex.Matcher;

/**
 * Other games' logs: rules tried in order, the first whose pattern finds a match wins; a line no rule
 * matches is not an event (game logs say much more than joins). Named groups are read when present:
 * {@code ts}, {@code server}, {@code name}, {@code ip} (ip or ip:port), {@code hash}, {@code lvl},
 * {@code cmd}, {@code maxplayers}, and {@code action} (overrides the rule's action).
 */
final class RegexFormat implements ParsedRow.Parser {
    private final List<GameLogRule> rules;

    RegexFormat(List<GameLogRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public ParsedRow parse(String line) throws GameLogException {
        for (GameLogRule r : rules) {
            Matcher m = r.pattern().matcher(line);
            if (!m.find()) continue;
            GameLogAction action = r.action();
            String a = group(m, "action");
            if (a != null && (action = GameLogAction.parse(a)) == null) return null;
            String ts = group(m, "ts");
            String extra = action == GameLogAction.COMMAND ? join("lvl", group(m, "lvl"), "cmd", group(m, "cmd"))
                    : join("maxplayers", group(m, "maxplayers"), null, null);
            return Fields.row(ts == null ? null : Fields.timestamp(ts), group(m, "server"), action, group(m, "name"),
                    group(m, "ip"), group(m, "hash"), extra);
        }
        return null;
    }

    private static String join(String k1, String v1, String k2, String v2) {
        StringBuilder b = new StringBuilder();
        if (v1 != null) b.append(k1).append('=').append(v1);
        if (v2 != null) b.append(b.isEmpty() ? "" : "|").append(k2).append('=').append(v2);
        return b.toString();
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) { // the pattern has no such group
            return null;
        }
    }
}
