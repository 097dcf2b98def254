package netwarden.sources.gamelog;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line rule for a game whose log is not the players-log CSV: lines where {@code pattern} finds a match
 * are {@code action} (see {@link RegexFormat} for the named groups read).
 */
public record GameLogRule(GameLogAction action, Pattern pattern) {
    public GameLogRule {
        Objects.requireNonNull(action, "game-log.rules[].action");
        Objects.requireNonNull(pattern, "game-log.rules[].pattern");
    }

    public static GameLogRule of(String action, String regex) {
        GameLogAction a = GameLogAction.parse(action);
        if (a == null) throw new IllegalArgumentException("game-log.rules[].action must be join, leave, command, state or startup: '" + action + "'");
        try {
            return new GameLogRule(a, Pattern.compile(regex));
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("game-log.rules[].pattern is not a regex: " + e.getDescription() + ": '" + regex + "'");
        }
    }
}
