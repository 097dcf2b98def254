package netwarden.app.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in config strings with the environment variable NAME, so secrets need not
 * be written into files. {@code $${} writes a literal {@code ${}. An unset variable is an error.
 */
final class EnvExpander {
    private static final Pattern REF = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> env;

    EnvExpander(Map<String, String> env) {
        this.env = env;
    }

    String expand(String text) {
        if (text == null || text.indexOf('$') < 0) return text;
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "${";
            } else {
                String name = m.group(1);
                if (!NAME.matcher(name).matches())
                    throw new IllegalArgumentException("'${" + name + "}' is not a valid environment variable reference");
                replacement = env.get(name);
                if (replacement == null)
                    throw new IllegalArgumentException("environment variable " + name + " is not set (referenced as ${" + name + "})");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
