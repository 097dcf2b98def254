package netwarden.sources.gamelog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A game log tail ({@code sources.gamelog}). Validated here; messages start with the config key.
 *
 * @param path           the log to follow (it may not exist yet)
 * @param rules          empty = the players-log CSV; else regex rules for another game's log
 * @param bookmark       where the read position is kept across restarts
 * @param pollInterval   how often the file is looked at (50 ms .. 10 s)
 * @param fromStart      without a bookmark, read the log from its start (else from its end, like tail -f)
 * @param catchUpLimit   a log bigger than this is started at its end whatever {@code fromStart} says
 *                       (a multi-GB history is not news)
 * @param hashSalt       salt for the player id derived from the row's hash; null = no player id at all
 * @param maxLineBytes   longer lines are skipped as bad (256 .. 1 MiB)
 */
public record GameLogConfig(Path path, List<GameLogRule> rules, Path bookmark, Duration pollInterval, boolean fromStart,
                            long catchUpLimit, String hashSalt, int maxLineBytes) {
    public static final long DEFAULT_CATCH_UP_LIMIT = 64L << 20;

    public GameLogConfig {
        Objects.requireNonNull(path, "game-log.path");
        rules = List.copyOf(Objects.requireNonNull(rules, "game-log.rules"));
        Objects.requireNonNull(bookmark, "game-log.bookmark");
        if (bookmark.equals(path)) throw new IllegalArgumentException("game-log.bookmark must not be the log itself: " + bookmark);
        Objects.requireNonNull(pollInterval, "game-log.poll-interval");
        if (pollInterval.compareTo(Duration.ofMillis(50)) < 0 || pollInterval.compareTo(Duration.ofSeconds(10)) > 0)
            throw new IllegalArgumentException("game-log.poll-interval must be 50ms..10s: " + pollInterval);
        if (catchUpLimit < 0) throw new IllegalArgumentException("game-log.catch-up-limit must not be negative: " + catchUpLimit);
        if (hashSalt != null && hashSalt.length() < 16)
            throw new IllegalArgumentException("game-log.hash-salt must be at least 16 characters (or absent for no player id)");
        if (maxLineBytes < 256 || maxLineBytes > (1 << 20))
            throw new IllegalArgumentException("game-log.max-line-bytes must be 256..1048576: " + maxLineBytes);
    }

    /** The players-log CSV, bookmark beside the log ({@code <log>.netwarden-pos}), 250 ms polls, starting at the end. */
    public static GameLogConfig defaults(Path path) {
        return new GameLogConfig(path, List.of(), path.resolveSibling(path.getFileName() + ".netwarden-pos"),
                Duration.ofMillis(250), false, DEFAULT_CATCH_UP_LIMIT, null, 8192);
    }

    public GameLogConfig withRules(List<GameLogRule> r) {
        return new GameLogConfig(path, r, bookmark, pollInterval, fromStart, catchUpLimit, hashSalt, maxLineBytes);
    }

    public GameLogConfig withFromStart(boolean f) {
        return new GameLogConfig(path, rules, bookmark, pollInterval, f, catchUpLimit, hashSalt, maxLineBytes);
    }

    public GameLogConfig withHashSalt(String salt) {
        return new GameLogConfig(path, rules, bookmark, pollInterval, fromStart, catchUpLimit, salt, maxLineBytes);
    }
}
