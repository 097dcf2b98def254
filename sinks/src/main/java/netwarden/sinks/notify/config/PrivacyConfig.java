package netwarden.sinks.notify.config;

/**
 * What messages may show.
 *
 * @param maskAddresses masked addresses ({@code 203.0.113.x#3fa2}) unless a channel says otherwise
 * @param showConnect   put the service's connect string (passwords always stripped) in join messages
 */
public record PrivacyConfig(boolean maskAddresses, boolean showConnect) {
    public static PrivacyConfig defaults() {
        return new PrivacyConfig(true, true);
    }
}
