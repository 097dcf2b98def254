package netwarden.app.config;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import netwarden.app.notify.EnrichSettings;
import netwarden.engine.EngineConfig;
import netwarden.sinks.notify.config.NotifyConfig;
import netwarden.sources.collect.CollectorConfig;
import netwarden.sources.live.CaptureConfig;
import netwarden.store.StoreConfig;

/**
 * The whole effective configuration: what a YAML file, the environment and the defaults add up to.
 * Load it with {@link ConfigLoader}; print it (secrets redacted) with {@link ConfigRenderer}.
 * Attack detection is part of {@link EngineConfig#detection()}; notifications (the {@code notify}
 * section, with {@code NETWARDEN_DISCORD_WEBHOOK} applied; a record component cannot be called
 * {@code notify}, which {@link Object} has) and GeoIP/ASN enrichment ({@code enrich}) are documented
 * in docs/notify.md. Live capture settings ({@code capture}) are used by {@code run} when
 * {@link SourceSettings#liveCapture()} chooses live capture (docs/capture.md). {@code router} is the router
 * profile (docs/router.md), null when the file has no {@code router} section.
 * History ({@code store}: where, how long, how much is queued) is documented in docs/config.md.
 */
public record NetwardenConfig(HttpSettings http, List<ApiTokenSetting> apiTokens, EngineConfig engine, SourceSettings source,
                              CaptureConfig capture, StateSettings state, IncidentSettings incidents, NotifyConfig notifications, EnrichSettings enrich,
                              GameSettings games, RouterSettings router, StoreConfig store, CollectorConfig collect) {
    public NetwardenConfig {
        Objects.requireNonNull(http, "http");
        apiTokens = List.copyOf(Objects.requireNonNull(apiTokens, "api.tokens"));
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(incidents, "incidents");
        Objects.requireNonNull(notifications, "notify");
        Objects.requireNonNull(enrich, "enrich");
        Objects.requireNonNull(games, "games");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(collect, "collect");
        var names = new HashSet<String>();
        var secrets = new HashSet<String>();
        for (ApiTokenSetting t : apiTokens) {
            if (!names.add(t.name())) throw new IllegalArgumentException("duplicate api token name: " + t.name());
            if (!secrets.add(t.token())) throw new IllegalArgumentException("api token '" + t.name() + "' reuses the secret of another token");
        }
    }

    /**
     * Defaults for an empty environment (state in {@code ./netwarden-state}, GeoIP data under the
     * JVM's {@code user.home}); the loader uses the real environment.
     */
    public static NetwardenConfig defaults() {
        StateSettings state = StateSettings.defaults();
        return new NetwardenConfig(HttpSettings.defaults(), List.of(), EngineConfig.defaults(), SourceSettings.defaults(),
                CaptureConfig.defaults(), state, IncidentSettings.defaults(state), NotifyConfig.defaults(),
                EnrichSettings.defaults(Map.of(), System.getProperty("user.home"), state.dir()), GameSettings.NONE, null, StoreConfig.defaults(),
                CollectorConfig.defaults());
    }

    public NetwardenConfig withHttp(HttpSettings h) {
        return new NetwardenConfig(h, apiTokens, engine, source, capture, state, incidents, notifications, enrich, games, router, store, collect);
    }

    public NetwardenConfig withApiTokens(List<ApiTokenSetting> tokens) {
        return new NetwardenConfig(http, tokens, engine, source, capture, state, incidents, notifications, enrich, games, router, store, collect);
    }

    public NetwardenConfig withEngine(EngineConfig e) {
        return new NetwardenConfig(http, apiTokens, e, source, capture, state, incidents, notifications, enrich, games, router, store, collect);
    }

    public NetwardenConfig withSource(SourceSettings s) {
        return new NetwardenConfig(http, apiTokens, engine, s, capture, state, incidents, notifications, enrich, games, router, store, collect);
    }

    public NetwardenConfig withCapture(CaptureConfig c) {
        return new NetwardenConfig(http, apiTokens, engine, source, c, state, incidents, notifications, enrich, games, router, store, collect);
    }

    public NetwardenConfig withNotifications(NotifyConfig n) {
        return new NetwardenConfig(http, apiTokens, engine, source, capture, state, incidents, n, enrich, games, router, store, collect);
    }

    public NetwardenConfig withEnrich(EnrichSettings e) {
        return new NetwardenConfig(http, apiTokens, engine, source, capture, state, incidents, notifications, e, games, router, store, collect);
    }

    public NetwardenConfig withRouter(RouterSettings r) {
        return new NetwardenConfig(http, apiTokens, engine, source, capture, state, incidents, notifications, enrich, games, r, store, collect);
    }

    public NetwardenConfig withGames(GameSettings g) {
        return new NetwardenConfig(http, apiTokens, engine, source, capture, state, incidents, notifications, enrich, g, router, store, collect);
    }

    public NetwardenConfig withStore(StoreConfig s) {
        return new NetwardenConfig(http, apiTokens, engine, source, capture, state, incidents, notifications, enrich, games, router, s, collect);
    }

    /** The flow collectors ({@code collect:}, {@code --collect}, {@code flows.default-sampling}). */
    public NetwardenConfig withCollect(CollectorConfig c) {
        return new NetwardenConfig(http, apiTokens, engine, source, capture, state, incidents, notifications, enrich, games, router, store, c);
    }

    /**
     * Moves the state directory; the incident archive and the returning-player store move with it
     * (the store stays off when it was off).
     */
    public NetwardenConfig withStateDir(Path dir) {
        StateSettings s = new StateSettings(dir);
        EnrichSettings e = enrich.returningStore() == null ? enrich : enrich.withReturningStore(dir.resolve(EnrichSettings.RETURNING_DIR));
        return new NetwardenConfig(http, apiTokens, engine, source, capture, s, new IncidentSettings(s.dir().resolve("incidents"), incidents.queue()),
                notifications, e, games, router, store, collect);
    }
}
