package netwarden.sinks.notify.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import netwarden.model.SettingException;
import netwarden.model.Severity;

/**
 * Which events go to which channels. Rules are tried in order; the first rule that matches decides
 * (its channels get the event) unless it sets {@code continueMatching}, in which case later rules
 * may add channels too. A channel gets an event at most once. An event no rule matches is not sent.
 *
 * @param kinds            event kinds matched; empty matches every kind
 * @param services         service ids matched; empty matches every service
 * @param minSeverity      attacks and external alerts at or above this severity; null matches every
 *                         event, a value never matches events without severity (joins, leaves)
 * @param channels         channel names; empty means every channel
 * @param cooldown         after a send, the same (service, kind) through this rule waits this long;
 *                         events in between are dropped (counted); null uses the global cooldown
 * @param continueMatching keep trying later rules after this one matched
 * @param quiet            quiet hours and maintenance windows: while one covers the router's clock the
 *                         rule matches as usual but sends nothing (counted); maintenance windows set
 *                         from the API come on top ({@link netwarden.sinks.notify.Maintenance})
 */
public record RouteRule(String name, Set<String> kinds, Set<String> services, Severity minSeverity, List<String> channels,
                        Duration cooldown, boolean continueMatching, List<QuietWindow> quiet) {
    /** A rule without quiet windows. */
    public RouteRule(String name, Set<String> kinds, Set<String> services, Severity minSeverity, List<String> channels,
                     Duration cooldown, boolean continueMatching) {
        this(name, kinds, services, minSeverity, channels, cooldown, continueMatching, List.of());
    }

    public RouteRule {
        quiet = List.copyOf(quiet);
        if (name == null || name.isBlank()) throw new SettingException("name", null, "route name must not be empty");
        kinds = Set.copyOf(kinds);
        services = Set.copyOf(services);
        channels = List.copyOf(channels);
        EventKinds.check("routes." + name + ".kinds", "kinds", kinds);
        if (cooldown != null && cooldown.isNegative())
            throw new SettingException("cooldown", cooldown, "routes." + name + ".cooldown must not be negative: " + cooldown);
    }

    /** Every event to every channel. */
    public static RouteRule everything() {
        return new RouteRule("everything", Set.of(), Set.of(), null, List.of(), null, false);
    }
}
