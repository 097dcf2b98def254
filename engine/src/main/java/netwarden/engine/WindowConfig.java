package netwarden.engine;

import netwarden.model.SettingException;

/**
 * Per-service 1-second windows.
 *
 * @param historySeconds     closed bins kept per service for the API
 * @param exactSourcesLimit  distinct sources counted exactly per bin; past it a HyperLogLog sketch takes over
 * @param topSources         heaviest sources kept per bin
 */
public record WindowConfig(int historySeconds, int exactSourcesLimit, int topSources) {
    public WindowConfig {
        if (historySeconds < 1 || historySeconds > 86_400)
            throw new SettingException("windows.history", null, "windows.history must be 1s..24h: " + historySeconds + "s");
        if (exactSourcesLimit < 16) throw new SettingException("windows.exact-sources-limit", exactSourcesLimit, "windows.exact-sources-limit must be at least 16: " + exactSourcesLimit);
        if (topSources < 0 || topSources > 1000) throw new SettingException("windows.top-sources", topSources, "windows.top-sources must be 0..1000: " + topSources);
    }

    public static WindowConfig defaults() {
        return new WindowConfig(300, 4096, 10);
    }
}
