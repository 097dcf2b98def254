package netwarden.sources.gamelog;

import java.util.Objects;

/**
 * One event from a game's players log, safe to show: the player's CD-key/Steam/account hash is never in
 * it, only {@code playerId}, a salted HMAC of it (or null when no salt is configured).
 *
 * @param atNanos     the row's timestamp (epoch nanoseconds), or the injected clock when the row has none
 * @param server      the server's display name as the log writes it (may be empty)
 * @param action      join, leave, command, state or startup
 * @param playerName  the player's name (null for state and startup)
 * @param ip          the player's IPv4 address (null when the row has none)
 * @param port        the player's source port when the row gives {@code ip:port}, else null
 * @param playerId    salted HMAC-SHA256 of the row's hash (hex, 16 characters), null without salt or hash
 * @param adminLevel  command rows: the admin level ({@code lvl=}), else null
 * @param command     command rows: the command text ({@code cmd=}), else null
 * @param maxPlayers  state rows: {@code maxplayers=}, else null
 * @param implied     true for a leave the log did not write: the server restarted ({@code startup}) while
 *                    the player was still listed as online
 */
public record GameLogEvent(long atNanos, String server, GameLogAction action, String playerName, String ip, Integer port,
                           String playerId, Integer adminLevel, String command, Integer maxPlayers, boolean implied) {
    public GameLogEvent {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(action, "action");
    }
}
