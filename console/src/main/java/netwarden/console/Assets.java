package netwarden.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import netwarden.server.Request;
import netwarden.server.Response;

/**
 * The console's static files, all from the class path: htmx and uPlot from their WebJars, the world map and
 * the console's own script and style from this module. Nothing is fetched from the internet. Files are read
 * once and kept; the names are fixed, so a request cannot reach any other resource.
 */
final class Assets {
    private static final String HTMX = "META-INF/resources/webjars/htmx.org/2.0.7/dist/";
    private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String OWN = "netwarden/console/assets/";

    private record Asset(String resource, String type) {}

    private static final Map<String, Asset> FILES = Map.of(
            "htmx.min.js", new Asset(HTMX + "htmx.min.js", "text/javascript; charset=utf-8"),
            "uPlot.iife.min.js", new Asset(UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"),
            "uPlot.min.css", new Asset(UPLOT + "uPlot.min.css", "text/css; charset=utf-8"),
            "console.js", new Asset(OWN + "console.js", "text/javascript; charset=utf-8"),
            "console.css", new Asset(OWN + "console.css", "text/css; charset=utf-8"),
            "world.svg", new Asset(OWN + "world.svg", "image/svg+xml"));

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    Response serve(Request r) {
        String name = r.param("name");
        Asset a = FILES.get(name);
        if (a == null) return Pages.notFound("no such file: " + name);
        byte[] body = cache.computeIfAbsent(name, n -> read(a.resource()));
        return new Response(200, a.type(), body, Map.of("Cache-Control", "public, max-age=3600"));
    }

    /** The world map's SVG text (the map page inlines it to colour countries). */
    String text(String name) {
        return new String(cache.computeIfAbsent(name, n -> read(FILES.get(n).resource())), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("console asset missing from the class path: " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
