package netwarden.model;

/**
 * A setting a config record refuses, as a value: the key it is stored under, relative to where the
 * record sits in the config file ({@code fast-k} in {@code detection}, {@code secret} in a channel,
 * {@code players.join-after} in the whole file), and the value refused. The config loader joins the
 * key to the record's place to point at {@code file:line:column}; nothing reads the message for it.
 */
public final class SettingException extends IllegalArgumentException {
    private final String key;
    private final String value;

    /** @param message the whole sentence, e.g. {@code detection.fast-k must be 1..fast-n (4): 6} */
    public SettingException(String key, Object value, String message) {
        super(message);
        this.key = key;
        this.value = value == null ? null : String.valueOf(value);
    }

    /** The dotted key, relative to the record's place; empty for the record as a whole. */
    public String key() {
        return key;
    }

    /** The refused value as text, or null. */
    public String value() {
        return value;
    }
}
