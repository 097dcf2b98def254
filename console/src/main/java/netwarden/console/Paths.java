package netwarden.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Path segments for links: percent-encoded, a space as %20 (the router keeps '+' a plus). */
final class Paths {
    private Paths() {}

    static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
