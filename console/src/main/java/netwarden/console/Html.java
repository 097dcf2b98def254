package netwarden.console;

/**
 * Builds HTML text with every value escaped: {@link #f} escapes its arguments unless they are {@link Raw}
 * (markup built here), so a player name or a note can never become markup.
 */
final class Html {
    /** Markup that is already safe. */
    record Raw(String html) {
        @Override
        public String toString() {
            return html;
        }
    }

    private final StringBuilder out = new StringBuilder(4096);

    static Raw safe(String html) {
        return new Raw(html);
    }

    /** Escapes text for element content and quoted attribute values. */
    static String esc(Object value) {
        if (value == null) return "";
        if (value instanceof Raw r) return r.html();
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Appends markup as is: only for literals written in this module. */
    Html raw(Object markup) {
        out.append(markup);
        return this;
    }

    /** Appends {@code format} with {@code %s} replaced by the escaped arguments. */
    Html f(String format, Object... args) {
        Object[] escaped = new Object[args.length];
        for (int i = 0; i < args.length; i++) escaped[i] = esc(args[i]);
        out.append(String.format(format, escaped));
        return this;
    }

    /** Escaped text. */
    Html text(Object value) {
        out.append(esc(value));
        return this;
    }

    Raw build() {
        return new Raw(out.toString());
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
