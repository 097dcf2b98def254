package netwarden.app.config;

/**
 * One thing wrong with a config, as a value: where ({@code path}, the dotted key in the file's own
 * spelling, {@code services[1].port}; empty for the file as a whole), what was written there
 * ({@code value}, null when nothing or a secret), what is wrong ({@code what}, a whole sentence) and,
 * when there is one, how to fix it ({@code fix}). The loader finds {@code file:line:column} from the
 * path alone; it never reads the sentence.
 */
public record ConfigProblem(String path, String value, String what, String fix) {
    public ConfigProblem {
        if (path == null) path = "";
        if (what == null || what.isBlank()) throw new IllegalArgumentException("a config problem needs a description");
    }

    /** The sentence shown to the user: what is wrong, then the fix. */
    public String text() {
        return fix == null ? what : what + "; " + fix;
    }
}
