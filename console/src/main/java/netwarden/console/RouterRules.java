package netwarden.console;

import java.io.IOException;
import java.util.List;

/**
 * The router profile's allowlist and suppression rules as the console edits them: text fields exactly as the
 * API's rule body ({@code type, device, remote, asn, org, port, code}), so the console needs no engine types.
 * The app adapts its rule book to this; a console without it shows no router pages.
 */
public interface RouterRules {
    /** A rule's fields as text; null when a condition is unset. */
    record Fields(String type, String device, String remote, String asn, String org, String port, String code) {}

    /** A rule in force: rules from the config file cannot be deleted here. */
    record Rule(String id, boolean fromConfig, Fields fields) {}

    List<Rule> list();

    /** Adds and saves a rule; @throws IllegalArgumentException naming what is wrong with {@code fields} */
    Rule add(Fields fields) throws IOException;

    /** Removes and saves; false when there is no such rule; @throws IllegalArgumentException for a config rule */
    boolean remove(String id) throws IOException;
}
