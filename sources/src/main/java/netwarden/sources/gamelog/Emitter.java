package netwarden.sources.gamelog;

import java.util.function.Consumer;
import netwarden.model.Clock;

/** Rows to events: pairs leaves with joins, ends sessions at a server start, swaps the raw hash for its salted id. */
final class Emitter {
    private final Roster roster;
    private final PlayerIds ids;
    private final GameLogCounters counters;
    private final Clock clock;
    private final Consumer<GameLogEvent> out;

    Emitter(Roster roster, PlayerIds ids, GameLogCounters counters, Clock clock, Consumer<GameLogEvent> out) {
        this.roster = roster;
        this.ids = ids;
        this.counters = counters;
        this.clock = clock;
        this.out = out;
    }

    void emit(ParsedRow r) {
        long at = r.atNanos() != null ? r.atNanos() : clock.nanos();
        Roster.Entry who = r.name() == null ? null : new Roster.Entry(r.server(), r.name(), PlayerIds.digest(r.rawHash()));
        switch (r.action()) {
            case JOIN -> roster.join(who);
            case LEAVE -> {
                if (!roster.leave(who)) {
                    counters.skip(GameLogCounters.ORPHAN_LEAVE);
                    return;
                }
            }
            case STARTUP -> {
                for (Roster.Entry gone : roster.restart(r.server())) {
                    counters.event(GameLogAction.LEAVE);
                    out.accept(new GameLogEvent(at, gone.server(), GameLogAction.LEAVE, gone.name(), null, null, null, null, null, null, true));
                }
            }
            default -> { }
        }
        counters.event(r.action());
        out.accept(new GameLogEvent(at, r.server(), r.action(), r.name(), r.ip(), r.port(), ids.playerId(r.rawHash()),
                r.adminLevel(), r.command(), r.maxPlayers(), false));
    }
}
