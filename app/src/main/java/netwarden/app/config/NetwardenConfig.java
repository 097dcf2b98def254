package netwarden.app.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import netwarden.engine.EngineConfig;

/**
 * The whole effective configuration: what a YAML file, the environment and the defaults add up to.
 * Load it with {@link ConfigLoader}; print it (secrets redacted) with {@link ConfigRenderer}.
 * Attack detection is part of {@link EngineConfig#detection()}.
 */
public record NetwardenConfig(HttpSettings http, List<ApiTokenSetting> apiTokens, EngineConfig engine, SourceSettings source,
                              StateSettings state, IncidentSettings incidents) {
    public NetwardenConfig {
        Objects.requireNonNull(http, "http");
        apiTokens = List.copyOf(Objects.requireNonNull(apiTokens, "api.tokens"));
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(incidents, "incidents");
        var names = new HashSet<String>();
        var secrets = new HashSet<String>();
        for (ApiTokenSetting t : apiTokens) {
            if (!names.add(t.name())) throw new IllegalArgumentException("duplicate api token name: " + t.name());
            if (!secrets.add(t.token())) throw new IllegalArgumentException("api token '" + t.name() + "' reuses the secret of another token");
        }
    }

    /** Defaults for an empty environment (state in {@code ./netwarden-state}); the loader uses the real one. */
    public static NetwardenConfig defaults() {
        StateSettings state = StateSettings.defaults();
        return new NetwardenConfig(HttpSettings.defaults(), List.of(), EngineConfig.defaults(), SourceSettings.defaults(),
                state, IncidentSettings.defaults(state));
    }

    public NetwardenConfig withHttp(HttpSettings h) {
        return new NetwardenConfig(h, apiTokens, engine, source, state, incidents);
    }

    public NetwardenConfig withApiTokens(List<ApiTokenSetting> tokens) {
        return new NetwardenConfig(http, tokens, engine, source, state, incidents);
    }

    public NetwardenConfig withEngine(EngineConfig e) {
        return new NetwardenConfig(http, apiTokens, e, source, state, incidents);
    }

    public NetwardenConfig withSource(SourceSettings s) {
        return new NetwardenConfig(http, apiTokens, engine, s, state, incidents);
    }

    /** Moves the state directory; the incident archive moves with it. */
    public NetwardenConfig withStateDir(java.nio.file.Path dir) {
        StateSettings s = new StateSettings(dir);
        return new NetwardenConfig(http, apiTokens, engine, source, s, new IncidentSettings(s.dir().resolve("incidents"), incidents.queue()));
    }
}
