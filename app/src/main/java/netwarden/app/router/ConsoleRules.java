package netwarden.app.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import netwarden.app.config.RouterRuleText;
import netwarden.console.RouterRules;

/** The rule book as the console's rules page edits it: the same fields and checks as the API's rule body. */
public final class ConsoleRules implements RouterRules {
    private final RouterRuleBook book;

    ConsoleRules(RouterRuleBook book) {
        this.book = book;
    }

    /** The rules of a running router profile. */
    public static ConsoleRules of(RouterRuntime runtime) {
        return new ConsoleRules(runtime.rules());
    }

    @Override
    public List<Rule> list() {
        return book.entries().stream().map(ConsoleRules::rule).toList();
    }

    @Override
    public Rule add(Fields f) throws IOException {
        return rule(book.add(RouterRuleText.parse(f.type(), f.device(), f.remote(), number("asn", f.asn()), f.org(),
                f.port() == null ? null : Math.toIntExact(number("port", f.port())), f.code())));
    }

    @Override
    public boolean remove(String id) throws IOException {
        return book.remove(id);
    }

    private static Rule rule(RouterRuleBook.Entry e) {
        ObjectNode o = RuleJson.write(e.rule());
        return new Rule(e.id(), e.fromConfig(), new Fields(text(o, "type"), text(o, "device"), text(o, "remote"), text(o, "asn"),
                text(o, "org"), text(o, "port"), text(o, "code")));
    }

    private static String text(ObjectNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long number(String field, String v) {
        if (v == null) return null;
        try {
            return Long.parseLong(v.strip().toUpperCase(java.util.Locale.ROOT).replaceFirst("^AS", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number: '" + v + "'");
        }
    }
}
