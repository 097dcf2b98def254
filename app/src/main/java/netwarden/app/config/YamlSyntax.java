package netwarden.app.config;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error in plain words: which line, and what to indent or close, instead of the
 * parser's tokens ({@code expected <block end>, but found '<block mapping start>'}). The parser's
 * problem and context marks say where; the text of the file says how far lines are indented.
 */
final class YamlSyntax {
    /** The message, and the 1-based place it points at. */
    record Described(String text, int line, int column) {}

    private final String[] lines;

    YamlSyntax(String yaml) {
        this.lines = yaml.split("\r?\n", -1);
    }

    Described describe(MarkedYAMLException e) {
        Mark at = e.getProblemMark();
        Mark context = e.getContextMark();
        String problem = String.valueOf(e.getProblem());
        String ctx = String.valueOf(e.getContext());
        int line = at == null ? 0 : at.getLine() + 1;
        int column = at == null ? 0 : at.getColumn() + 1;
        if (problem.contains("'\\t'") || problem.contains("\\t(TAB)") || problem.contains("TAB"))
            return new Described("line " + line + " holds a tab; YAML indents with spaces only: replace the tab with spaces", line, column);
        if (ctx.contains("flow sequence") && context != null)
            return new Described("the list opened with '[' on line " + (context.getLine() + 1) + " is not closed: add ']' at its end"
                    + " (or write the list as lines starting with '- ')", context.getLine() + 1, context.getColumn() + 1);
        if (ctx.contains("flow mapping") && context != null)
            return new Described("the mapping opened with '{' on line " + (context.getLine() + 1) + " is not closed: add '}' at its end",
                    context.getLine() + 1, context.getColumn() + 1);
        if (ctx.contains("quoted scalar") && context != null)
            return new Described("the quoted text starting on line " + (context.getLine() + 1) + " is not closed: add the closing quote",
                    context.getLine() + 1, context.getColumn() + 1);
        if (problem.contains("undefined alias"))
            return new Described("line " + line + ": '*' starts an alias, which netwarden does not read: write the value out"
                    + " (put it in quotes if it starts with '*')", line, column);
        if ((ctx.contains("block mapping") || ctx.contains("block collection")) && context != null)
            return misaligned(line, column, "key", "keys");
        if (ctx.contains("block sequence") || problem.contains("'-' indicator"))
            return misaligned(line, column, "list item", "items");
        if (problem.contains("mapping values are not allowed")) return mappingValue(line, column);
        if (problem.contains("could not find expected ':'")) {
            int l = context == null ? line : context.getLine() + 1;
            return new Described("line " + l + " should read 'key: value' but has no ':' after its key"
                    + " (or it continues the line before it and must be indented like it)", l, context == null ? column : context.getColumn() + 1);
        }
        return new Described("invalid YAML on line " + line + ": " + problem, line, column);
    }

    /**
     * A key (or item) at a column no open mapping (or list) uses. The columns it could take are those
     * of the lines above it that are still open: the line just before, and each less indented one above.
     */
    private Described misaligned(int line, int column, String what, String plural) {
        int has = indent(line);
        var choices = new StringBuilder();
        int last = Integer.MAX_VALUE;
        for (int l = line - 1; l >= 1 && last > 0; l--) {
            if (text(l).isBlank() || text(l).strip().startsWith("#")) continue;
            int i = indent(l);
            if (i >= last) continue;
            last = i;
            if (i == has) continue;
            choices.append(choices.isEmpty() ? "" : " or ").append("by ").append(i).append(i == 1 ? " space" : " spaces").append(" like line ").append(l);
        }
        String fix = choices.isEmpty() ? "indent it like the " + plural + " it belongs with" : "indent it " + choices;
        return new Described("line " + line + " is indented by " + has + (has == 1 ? " space" : " spaces") + ", which matches no "
                + (what.equals("key") ? "mapping" : "list") + " open above it (the " + plural + " of one " + (what.equals("key") ? "mapping" : "list")
                + " must be indented alike): " + fix, line, has + 1);
    }

    /** {@code key: value} followed by a line indented deeper, or a value holding ': '. */
    private Described mappingValue(int line, int column) {
        int previous = line - 1;
        while (previous >= 1 && (text(previous).isBlank() || text(previous).strip().startsWith("#"))) previous--;
        if (previous >= 1 && indent(line) > indent(previous) && text(previous).strip().matches("(- )?[^:#]+:\\s*\\S.*")) {
            return new Described("line " + line + " is indented deeper than line " + previous + ", whose key already has a value: indent line "
                    + line + " by " + indent(previous) + " spaces like line " + previous + ", or remove the value of line " + previous
                    + " to nest it there", line, indent(line) + 1);
        }
        return new Described("line " + line + " has a second ':' where a value was expected: put the value in quotes"
                + " ('a: b' becomes \"a: b\"), or start the nested keys on the next line", line, column);
    }

    private String text(int line) {
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }

    private int indent(int line) {
        String t = text(line);
        int i = 0;
        while (i < t.length() && t.charAt(i) == ' ') i++;
        return i;
    }
}
