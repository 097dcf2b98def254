package netwarden.app.run;

import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.EventListener;
import netwarden.model.Ip;
import netwarden.model.PlayerSnapshot;
import netwarden.sources.gamelog.GameLogAction;
import netwarden.sources.gamelog.GameLogEvent;
import netwarden.sources.gamelog.GameLogListener;

/**
 * Players-log rows into events: a join carries the player's name and the traffic player with the
 * log's address (from the latest snapshot), or none for a log-only join; the name is remembered for
 * the API until the leave.
 */
final class GameLogEvents implements GameLogListener {
    private final String service;
    private final GameState state;
    private final EventListener events;
    private final Supplier<EngineSnapshot> snapshots;

    /** @param service the service id the log belongs to; null = the server name the log writes */
    GameLogEvents(String service, GameState state, EventListener events, Supplier<EngineSnapshot> snapshots) {
        this.service = service;
        this.state = state;
        this.events = events;
        this.snapshots = snapshots;
    }

    @Override
    public void event(GameLogEvent e) {
        String svc = service != null ? service : e.server().isBlank() ? "gamelog" : DockerServices.serviceName(e.server());
        Ip address = address(e.ip());
        PlayerSnapshot player = address == null ? null : player(svc, address);
        String detail = switch (e.action()) {
            case COMMAND -> (e.adminLevel() == null ? "" : "lvl=" + e.adminLevel() + " ") + (e.command() == null ? "" : e.command());
            case STATE -> e.maxPlayers() == null ? null : "maxplayers=" + e.maxPlayers();
            case LEAVE -> e.implied() ? "implied by a server start" : null;
            default -> null;
        };
        if (address != null && e.playerName() != null) {
            if (e.action() == GameLogAction.JOIN) state.named(svc, address, e.playerName());
            else if (e.action() == GameLogAction.LEAVE) state.named(svc, address, null);
        }
        events.onEvent(new Event.GameLogged(e.atNanos(), svc, e.action().logName(), e.playerName(), address, e.playerId(), player,
                detail == null || detail.isBlank() ? null : detail));
    }

    private PlayerSnapshot player(String svc, Ip address) {
        for (PlayerSnapshot p : snapshots.get().players())
            if (p.service().equals(svc) && p.address().equals(address) && !p.left()) return p;
        return null;
    }

    private static Ip address(String ip) {
        if (ip == null || ip.isBlank()) return null;
        try {
            return Ip.parse(ip);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
