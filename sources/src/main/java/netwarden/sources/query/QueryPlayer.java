package netwarden.sources.query;

import java.util.Objects;

/**
 * One player as the game server lists it.
 *
 * @param name  the name with colour codes removed (never null, may be empty)
 * @param score frags/score when the protocol gives one, else null
 * @param ping  milliseconds when the protocol gives one (quake3), else null
 */
public record QueryPlayer(String name, Integer score, Integer ping) {
    public QueryPlayer {
        Objects.requireNonNull(name, "name");
    }
}
