package netwarden.app.run;

import java.time.Duration;
import java.util.function.UnaryOperator;
import netwarden.server.HttpServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server's time limits as the operator set them. The server enforces its own limits
 * (30 s to send a request, 60 s to read the answer, see {@link HttpServerConfig}); an operator who
 * knows the JDK server's {@code -Dsun.net.httpserver.maxReqTime=S} / {@code maxRspTime=S} (seconds,
 * in {@code NETWARDEN_JAVA_OPTS}) gets those as the server's limits too, so a longer limit is not
 * cut short by the default. Only read here, in the app; nothing sets them.
 */
public final class HttpTimeLimits {
    static final String REQUEST = "sun.net.httpserver.maxReqTime";
    static final String RESPONSE = "sun.net.httpserver.maxRspTime";
    private static final Logger LOG = LoggerFactory.getLogger(HttpTimeLimits.class);
    private static final Duration LONGEST = Duration.ofHours(1);

    private HttpTimeLimits() {}

    /** {@code config} with the limits {@code properties} (System::getProperty) set. */
    public static HttpServerConfig apply(HttpServerConfig config, UnaryOperator<String> properties) {
        return config.withTimeLimits(limit(properties, REQUEST, config.requestTimeLimit()),
                limit(properties, RESPONSE, config.responseTimeLimit()));
    }

    private static Duration limit(UnaryOperator<String> properties, String key, Duration fallback) {
        String value = properties.apply(key);
        if (value == null) return fallback;
        try {
            long seconds = Long.parseLong(value.strip());
            // The JDK reads 0 or less as "no limit"; ours are bounded, so the longest one is used.
            return seconds <= 0 || seconds >= LONGEST.toSeconds() ? LONGEST : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            LOG.warn("ignoring -D{}={}: not a whole number of seconds; the limit stays {} s", key, value, fallback.toSeconds());
            return fallback;
        }
    }
}
