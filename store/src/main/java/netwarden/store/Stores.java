package netwarden.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Opens the store a configuration names (inert: call {@link Store#start()} to connect and migrate). */
public final class Stores {
    private Stores() {}

    public static Store open(StoreConfig config, Path stateDir) {
        String url = config.url();
        if (url.isEmpty()) return new DuckDbStore(stateDir.resolve("netwarden.duckdb"));
        if (url.startsWith("duckdb:")) return new DuckDbStore(Path.of(url.substring("duckdb:".length())));
        return postgres(url);
    }

    /** {@code postgresql://user:password@host:port/db?params} → a PostgreSQL store; user info URL-decoded. */
    static PostgresStore postgres(String url) {
        String rest = url.substring("postgresql://".length());
        String user = null, password = null;
        int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
        if (at >= 0) {
            String info = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) password = decode(info.substring(colon + 1));
        }
        if (rest.isEmpty() || rest.startsWith("/"))
            throw new IllegalArgumentException("store.url needs a host: postgresql://user:password@host:port/db");
        return new PostgresStore("jdbc:postgresql://" + rest, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
