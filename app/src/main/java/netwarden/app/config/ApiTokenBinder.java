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
 * token when that variable is set. A token with a problem is recorded and left out.
 */
final class ApiTokenBinder {
    /** A token file is a short secret; a larger file is a mistake (or /dev/zero), not read whole. */
    static final long MAX_TOKEN_FILE = 64 * 1024;

    private final Binding binder;
    private final String envToken;

    ApiTokenBinder(Binding binder, String envToken) {
        this.binder = binder;
        this.envToken = envToken;
    }

    List<ApiTokenSetting> bind(RawConfig.Api api) {
        var out = new ArrayList<ApiTokenSetting>();
        if (api != null && api.tokens() != null) {
            for (int i = 0; i < api.tokens().size(); i++) {
                ApiTokenSetting t = token("api.tokens[" + i + "]", api.tokens().get(i));
                if (t != null) out.add(t);
            }
        }
        if (envToken != null && !envToken.isEmpty()) {
            try {
                out.add(new ApiTokenSetting(ApiTokenSetting.ENV_TOKEN_NAME, envToken, false));
            } catch (IllegalArgumentException e) {
                binder.problem("", null, ConfigBinder.ENV_TOKEN + ": " + e.getMessage(), null);
            }
        }
        return out;
    }

    private ApiTokenSetting token(String at, RawConfig.Token t) {
        if (t == null) {
            binder.problem(at, null, "empty api token entry", null);
            return null;
        }
        String name = binder.string(at + ".name", t.name());
        if (t.token() != null && t.tokenFile() != null) {
            binder.problem(at + ".token-file", null, at + ": give token or token-file, not both", null);
            return null;
        }
        boolean full = t.fullAddresses() != null && t.fullAddresses();
        boolean readOnly = t.readOnly() != null && t.readOnly();
        if (t.tokenFile() == null) {
            if (t.token() == null) {
                binder.problem(at, null, at + " needs token (the secret, or ${ENV}) or token-file (a file holding it)", null);
                return null;
            }
            String secret = binder.string(at + ".token", t.token());
            return secret == null ? null : binder.check(at, () -> new ApiTokenSetting(name, secret, full, null, readOnly), null);
        }
        String path = binder.required(at + ".token-file", t.tokenFile());
        if (path == null) return null;
        Path file = Path.of(path);
        String secret = read(at + ".token-file", file);
        return secret == null ? null : binder.check(at + ".token-file", () -> new ApiTokenSetting(name, secret, full, file, readOnly), null);
    }

    private String read(String at, Path file) {
        try {
            if (Files.isDirectory(file)) {
                binder.problem(at, file, at + ": " + file + " is a directory, not a file holding the token", null);
                return null;
            }
            byte[] bytes;
            try (var in = Files.newInputStream(file)) { // bounded: a link to /dev/zero must not fill the heap
                bytes = in.readNBytes((int) MAX_TOKEN_FILE + 1);
            }
            if (bytes.length > MAX_TOKEN_FILE) {
                binder.problem(at, file, at + ": " + file + " is larger than " + MAX_TOKEN_FILE + " bytes; a token file holds one short secret", null);
                return null;
            }
            return new String(bytes, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            binder.problem(at, file, at + ": no such file: " + file, null);
        } catch (IOException e) {
            binder.problem(at, file, at + ": cannot read " + file + ": " + e, null);
        }
        return null;
    }
}
