package netwarden.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A table that sorts by a column and pages, its state in the URL ({@code sort}, {@code desc}, {@code page},
 * each with the table's prefix so several tables share a page), every other query parameter kept in its links.
 */
final class SortedTable<T> {
    static final int PAGE = 50;

    /** A column: {@code cell} gives text (escaped) or {@link Html.Raw}; {@code order} null when it does not sort. */
    record Column<T>(String key, String title, Comparator<T> order, Function<T, Object> cell) {}

    private final String prefix;
    private final List<Column<T>> columns;

    SortedTable(String prefix, List<Column<T>> columns) {
        this.prefix = prefix;
        this.columns = List.copyOf(columns);
    }

    static <T> Column<T> col(String key, String title, Comparator<T> order, Function<T, Object> cell) {
        return new Column<>(key, title, order, cell);
    }

    Html.Raw render(List<T> rows, PageRequest r, String path, String emptyText) {
        if (rows.isEmpty()) return new Html().f("<p class=empty>%s</p>", emptyText).build();
        String sortKey = r.q(prefix + "sort");
        boolean desc = "1".equals(r.q(prefix + "desc"));
        List<T> sorted = new ArrayList<>(rows);
        for (Column<T> c : columns) {
            if (c.key().equals(sortKey) && c.order() != null) sorted.sort(desc ? c.order().reversed() : c.order());
        }
        int pages = (sorted.size() + PAGE - 1) / PAGE;
        int page = Math.clamp(parse(r.q(prefix + "page")), 1, pages);
        Html h = new Html().raw("<div class=scroll><table><thead><tr>");
        for (Column<T> c : columns) {
            if (c.order() == null) {
                h.f("<th>%s</th>", c.title());
                continue;
            }
            boolean on = c.key().equals(sortKey);
            String arrow = on ? (desc ? " ▼" : " ▲") : "";
            h.f("<th><a href=\"%s\">%s%s</a></th>", link(r, path, Map.of(prefix + "sort", c.key(),
                    prefix + "desc", on && !desc ? "1" : "", prefix + "page", "")), c.title(), arrow);
        }
        h.raw("</tr></thead><tbody>");
        for (T row : sorted.subList((page - 1) * PAGE, Math.min(sorted.size(), page * PAGE))) {
            h.raw("<tr>");
            for (Column<T> c : columns) h.f("<td>%s</td>", c.cell().apply(row));
            h.raw("</tr>");
        }
        h.raw("</tbody></table></div>");
        if (pages > 1) {
            h.f("<nav class=pages>%s rows · page %s of %s ", sorted.size(), page, pages);
            if (page > 1) h.f("<a href=\"%s\">← previous</a> ", link(r, path, Map.of(prefix + "page", Integer.toString(page - 1))));
            if (page < pages) h.f("<a href=\"%s\">next →</a>", link(r, path, Map.of(prefix + "page", Integer.toString(page + 1))));
            h.raw("</nav>");
        }
        return h.build();
    }

    private static int parse(String s) {
        try {
            return s == null ? 1 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** {@code path} with the request's query parameters, {@code changes} applied (an empty value removes one). */
    static String link(PageRequest r, String path, Map<String, String> changes) {
        Map<String, String> q = new LinkedHashMap<>(r.http().query());
        q.putAll(changes);
        StringBuilder b = new StringBuilder(path);
        char sep = '?';
        for (var e : q.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) continue;
            b.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            sep = '&';
        }
        return b.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
