package netwarden.sinks.notify;

import netwarden.model.Event;

/**
 * Attack updates that are sent at once, past route cooldowns and digests: an escalation of the
 * severity, and a correction of the listed sources (one became a player). The detector says which
 * in the update's reason.
 */
final class Urgent {
    static final String ESCALATED = "; escalated to ", CORRECTED = "; corrected: ";

    private Urgent() {}

    static boolean is(Event e) {
        return e instanceof Event.AttackUpdated u && (u.incident().reason().contains(ESCALATED) || u.incident().reason().contains(CORRECTED));
    }
}
