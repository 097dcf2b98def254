package netwarden.server;

/**
 * Time limits of the JDK server, which has none by default: a client that sends half a request
 * would hold its connection (and a thread) forever. The JDK reads them once, from system
 * properties, when its first server is made; an operator's own {@code -D} setting wins.
 */
final class HttpTimeouts {
    /** Seconds a client has to send a whole request, headers and body. */
    static final String REQUEST = "sun.net.httpserver.maxReqTime";
    /** Seconds a client has to read a whole response. */
    static final String RESPONSE = "sun.net.httpserver.maxRspTime";

    private HttpTimeouts() {}

    /** Sets the defaults (30 s to send a request, 60 s to read an answer) unless set already. */
    static void applyDefaults() {
        setIfAbsent(REQUEST, "30");
        setIfAbsent(RESPONSE, "60");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
