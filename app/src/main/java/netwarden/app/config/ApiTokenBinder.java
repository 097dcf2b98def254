package netwarden.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds {@code api.tokens}: each token's secret is given inline ({@code token}, usually
 * {@code ${ENV}}) or read from a file ({@code token-file}, e.g. a Docker or systemd credential;
 * surrounding whitespace and the final newline are dropped). Adds the {@code NETWARDEN_API_TOKEN}
 * token when that variable is set.
 */
final class ApiTokenBinder {
    private final ConfigBinder binder;
    private final String envToken;

    ApiTokenBinder(ConfigBinder binder, String envToken) {
        this.binder = binder;
        this.envToken = envToken;
    }

    List<ApiTokenSetting> bind(RawConfig.Api api) {
        var out = new ArrayList<ApiTokenSetting>();
        if (api != null && api.tokens() != null) {
            for (int i = 0; i < api.tokens().size(); i++) out.add(token("api.tokens[" + i + "]", api.tokens().get(i)));
        }
        if (envToken != null && !envToken.isEmpty()) {
            try {
                out.add(new ApiTokenSetting(ApiTokenSetting.ENV_TOKEN_NAME, envToken, false));
            } catch (IllegalArgumentException e) {
                throw binder.error("", ConfigBinder.ENV_TOKEN + ": " + e.getMessage());
            }
        }
        return out;
    }

    private ApiTokenSetting token(String at, RawConfig.Token t) {
        if (t == null) throw binder.error(at, "empty api token entry");
        String name = binder.string(at + ".name", t.name());
        if (t.token() != null && t.tokenFile() != null)
            throw binder.error(at + ".token-file", at + ": give token or token-file, not both");
        boolean full = t.fullAddresses() != null && t.fullAddresses();
        if (t.tokenFile() == null) {
            String secret = binder.string(at + ".token", t.token());
            if (secret == null) throw binder.error(at, at + " needs token (the secret, or ${ENV}) or token-file (a file holding it)");
            return binder.check(at, () -> new ApiTokenSetting(name, secret, full));
        }
        String path = binder.string(at + ".token-file", t.tokenFile());
        if (path.isBlank()) throw binder.error(at + ".token-file", at + ".token-file must not be empty");
        Path file = Path.of(path);
        String secret = read(at + ".token-file", file);
        return binder.check(at + ".token-file", () -> new ApiTokenSetting(name, secret, full, file));
    }

    private String read(String at, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw binder.error(at, at + ": no such file: " + file);
        } catch (IOException e) {
            throw binder.error(at, at + ": cannot read " + file + ": " + e);
        }
    }
}
