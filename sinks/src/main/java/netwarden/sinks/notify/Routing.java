package netwarden.sinks.notify;

import java.util.ArrayList;
import java.util.List;
import netwarden.model.Event;
import netwarden.model.Severity;
import netwarden.sinks.notify.config.EventKinds;
import netwarden.sinks.notify.config.RouteRule;
import netwarden.sinks.notify.render.AlertViews;

/** Matches events against the route rules (first match decides unless the rule continues). Pure. */
final class Routing {
    /** A rule that matched, with the channels it names (all channels when it names none). */
    record Match(int ruleIndex, RouteRule rule, List<String> channels) {}

    private final List<RouteRule> rules;
    private final List<String> allChannels;

    Routing(List<RouteRule> rules, List<String> allChannels) {
        this.rules = List.copyOf(rules);
        this.allChannels = List.copyOf(allChannels);
    }

    List<Match> match(Event e) {
        List<Match> out = new ArrayList<>(2);
        for (int i = 0; i < rules.size(); i++) {
            RouteRule r = rules.get(i);
            if (!matches(r, e)) continue;
            out.add(new Match(i, r, r.channels().isEmpty() ? allChannels : r.channels()));
            if (!r.continueMatching()) break;
        }
        return out;
    }

    static boolean matches(RouteRule r, Event e) {
        if (!r.kinds().isEmpty() && !r.kinds().contains(e.kind())) return false;
        // the router's records come thousands a second: only a route that names their kind sends them
        if (r.kinds().isEmpty() && EventKinds.RECORDS.contains(e.kind())) return false;
        if (!r.services().isEmpty() && !r.services().contains(e.service())) return false;
        if (r.minSeverity() != null) {
            Severity s = severity(e);
            return s != null && s.compareTo(r.minSeverity()) >= 0;
        }
        return true;
    }

    /** The event's severity: the incident's for attacks, the mapped label for external alerts, else null. */
    static Severity severity(Event e) {
        return switch (e) {
            case Event.AttackStarted a -> a.incident().severity();
            case Event.AttackUpdated a -> a.incident().severity();
            case Event.AttackEnded a -> a.incident().severity();
            case Event.ExternalAlert x -> AlertViews.severity(x.severity());
            default -> null;
        };
    }
}
