package netwarden.app.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import netwarden.engine.EngineConfig;

/**
 * The whole effective configuration: what a YAML file, the environment and the defaults add up to.
 * Load it with {@link ConfigLoader}; print it (secrets redacted) with {@link ConfigRenderer}.
 */
public record NetwardenConfig(HttpSettings http, List<ApiTokenSetting> apiTokens, EngineConfig engine, SourceSettings source) {
    public NetwardenConfig {
        Objects.requireNonNull(http, "http");
        apiTokens = List.copyOf(Objects.requireNonNull(apiTokens, "api.tokens"));
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(source, "source");
        var names = new HashSet<String>();
        var secrets = new HashSet<String>();
        for (ApiTokenSetting t : apiTokens) {
            if (!names.add(t.name())) throw new IllegalArgumentException("duplicate api token name: " + t.name());
            if (!secrets.add(t.token())) throw new IllegalArgumentException("api token '" + t.name() + "' reuses the secret of another token");
        }
    }

    public static NetwardenConfig defaults() {
        return new NetwardenConfig(HttpSettings.defaults(), List.of(), EngineConfig.defaults(), SourceSettings.defaults());
    }

    public NetwardenConfig withHttp(HttpSettings h) {
        return new NetwardenConfig(h, apiTokens, engine, source);
    }

    public NetwardenConfig withApiTokens(List<ApiTokenSetting> tokens) {
        return new NetwardenConfig(http, tokens, engine, source);
    }

    public NetwardenConfig withEngine(EngineConfig e) {
        return new NetwardenConfig(http, apiTokens, e, source);
    }

    public NetwardenConfig withSource(SourceSettings s) {
        return new NetwardenConfig(http, apiTokens, engine, s);
    }
}
