package netwarden.server.tls;

/**
 * A TLS or web-config setting that cannot work: a missing or unreadable file, a key that does not
 * match its certificate, an expired certificate, an unknown key in the web config. The message
 * names the setting, the file and what is wrong with it.
 */
public final class TlsConfigException extends RuntimeException {
    public TlsConfigException(String message) {
        super(message);
    }

    public TlsConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
