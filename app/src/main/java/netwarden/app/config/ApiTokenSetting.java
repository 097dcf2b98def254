package netwarden.app.config;

import java.nio.file.Path;
import netwarden.model.SettingException;

/**
 * One bearer token for the HTTP API. The secret is never printed: {@link #toString()} and the
 * effective-config output redact it.
 *
 * @param fullAddresses whether answers to this token show player addresses unmasked
 * @param tokenFile     the file the secret was read from ({@code token-file}), or null when it was given inline
 * @param readOnly      true: the token reads everything but may not change anything (acknowledge an incident)
 */
public record ApiTokenSetting(String name, String token, boolean fullAddresses, Path tokenFile, boolean readOnly) {
    /** Shorter secrets are refused: they can be guessed. */
    public static final int MIN_SECRET_LENGTH = 16;
    /** Name of the token made from {@code NETWARDEN_API_TOKEN}. */
    public static final String ENV_TOKEN_NAME = "env";

    public ApiTokenSetting {
        if (name == null || !name.matches("[A-Za-z0-9._-]+"))
            throw new SettingException("name", name, "api token name must be letters, digits, '.', '_' or '-': '" + name + "'");
        if (token == null || token.isBlank()) throw new SettingException("", null, "api token '" + name + "' has no secret");
        if (token.length() < MIN_SECRET_LENGTH)
            throw new SettingException("", null, "api token '" + name + "' is too short: " + token.length()
                    + " characters, at least " + MIN_SECRET_LENGTH + " needed");
        if (!token.equals(token.strip()) || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e))
            throw new SettingException("", null, "api token '" + name + "' must be printable ASCII without spaces");
    }

    /** A token given inline (config value or environment). */
    public ApiTokenSetting(String name, String token, boolean fullAddresses) {
        this(name, token, fullAddresses, null, false);
    }

    /** A token that may write. */
    public ApiTokenSetting(String name, String token, boolean fullAddresses, Path tokenFile) {
        this(name, token, fullAddresses, tokenFile, false);
    }

    @Override
    public String toString() {
        return "ApiTokenSetting[name=" + name + ", token=<redacted>, fullAddresses=" + fullAddresses
                + (tokenFile == null ? "" : ", tokenFile=" + tokenFile) + (readOnly ? ", readOnly" : "") + "]";
    }
}
