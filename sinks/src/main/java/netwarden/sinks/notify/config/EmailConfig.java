package netwarden.sinks.notify.config;

import java.util.List;
import java.util.Objects;
import netwarden.model.SettingException;

/**
 * E-mail over SMTP.
 *
 * @param tls           NONE (plain, only for a local relay), STARTTLS (upgrade required) or TLS (implicit, "SMTPS")
 * @param username      SMTP login; null for no authentication
 * @param password      required when username is set
 * @param sslTrust      hosts whose certificate is trusted without validation ("*" for all); null validates normally
 * @param subjectPrefix put before every subject, e.g. "[netwarden] "
 */
public record EmailConfig(String name, String host, int port, Tls tls, String username, Secret password, String from,
                          List<String> to, String subjectPrefix, String sslTrust, DeliveryConfig delivery, Boolean maskAddresses)
        implements ChannelConfig {
    /** Transport security. */
    public enum Tls { NONE, STARTTLS, TLS }

    private static final String ADDRESS = "[^@\\s<>\"]+@[^@\\s<>\"]+";

    public EmailConfig {
        ChannelConfig.checkName("email", name);
        if (host == null || host.isBlank()) throw new SettingException("host", null, "host must not be empty");
        if (port < 1 || port > 65535) throw new SettingException("port", port, "port must be 1..65535: " + port);
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(delivery, "delivery");
        if (username != null && password == null) throw new SettingException("password", username, "password is required with username " + username);
        if (from == null || !from.matches(ADDRESS)) throw new SettingException("from", from, "from must be an e-mail address: " + from);
        to = List.copyOf(to);
        if (to.isEmpty()) throw new SettingException("to", null, "to must name at least one address");
        for (String t : to) if (!t.matches(ADDRESS)) throw new SettingException("to", t, "to: not an e-mail address: " + t);
        subjectPrefix = subjectPrefix == null ? "" : subjectPrefix;
    }

    @Override
    public String type() {
        return "email";
    }
}
