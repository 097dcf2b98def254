package netwarden.sources.gamelog;

/** A row as read, still holding the raw hash: never leaves the package ({@link GameLogTail} turns it into an event). */
record ParsedRow(Long atNanos, String server, GameLogAction action, String name, String ip, Integer port, String rawHash,
                 Integer adminLevel, String command, Integer maxPlayers) {

    /** Reads one row; null when the row is not an event (unknown action, a line no rule matches). */
    @FunctionalInterface
    interface Parser {
        ParsedRow parse(String line) throws GameLogException;
    }
}
