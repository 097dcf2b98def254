package netwarden.app.config;

import static netwarden.app.config.Binding.or;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import netwarden.store.StoreConfig;
import netwarden.store.Table;

/**
 * Binds the {@code store} section onto {@link StoreConfig}: {@code url} ("" or absent: the embedded DuckDB file in
 * {@code state.dir}; {@code postgresql://…}), {@code retention.<table>} durations over the defaults, and the
 * writer's {@code queue-rows}, {@code batch-rows} and {@code top-sources}. The record validates; a retention key
 * that names no table is a problem at its line.
 */
final class StoreBinder {
    private final Binding b;

    StoreBinder(Binding b) {
        this.b = b;
    }

    StoreConfig bind(RawConfig.Store r) {
        StoreConfig d = StoreConfig.defaults();
        if (r == null) return d;
        String url = r.url() == null ? d.url() : or(b.string("store.url", r.url()), d.url()).strip();
        Map<Table, Duration> retention = new EnumMap<>(Table.class);
        retention.putAll(d.retention());
        if (r.retention() != null) {
            for (Map.Entry<String, String> e : r.retention().entrySet()) {
                String at = "store.retention." + e.getKey();
                Table t = Table.ofKey(e.getKey());
                if (t == null || t.timeColumn == null) {
                    b.problem(at, e.getKey(), at + ": no such table kept by age", "use one of " + kept());
                    continue;
                }
                Duration value = b.duration(at, e.getValue(), null);
                if (value != null) retention.put(t, value);
            }
        }
        int queue = or(r.queueRows(), d.queueRows());
        int batch = or(r.batchRows(), Math.min(d.batchRows(), queue));
        return b.check("store", () -> new StoreConfig(url, retention, queue, or(r.topSources(), d.topSources()), batch), d);
    }

    static String kept() {
        StringBuilder s = new StringBuilder();
        for (Table t : Table.values())
            if (t.timeColumn != null) s.append(s.isEmpty() ? "" : ", ").append(t.key());
        return s.toString();
    }
}
