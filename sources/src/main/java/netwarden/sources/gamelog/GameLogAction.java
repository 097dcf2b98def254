package netwarden.sources.gamelog;

import java.util.Locale;

/** What a players log row says happened (players-log.md). */
public enum GameLogAction {
    JOIN, LEAVE, COMMAND, STATE, STARTUP;

    /** The log's spelling, or null for an action this version does not know (skipped, not an error). */
    static GameLogAction parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "join" -> JOIN;
            case "leave" -> LEAVE;
            case "command" -> COMMAND;
            case "state" -> STATE;
            case "startup" -> STARTUP;
            default -> null;
        };
    }

    public String logName() { return name().toLowerCase(Locale.ROOT); }
}
