package netwarden.sources.gamelog;

/** A players log row that cannot be read: which field and why (never the row itself, it may hold a hash). */
public final class GameLogException extends Exception {
    private final String reason;

    public GameLogException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public String reason() { return reason; }
}
