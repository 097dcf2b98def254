package netwarden.ship.format;

/** A shipped batch that cannot be read: not JSON, another version, a missing or bad field. */
public final class ShipFormatException extends Exception {
    public ShipFormatException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public ShipFormatException(String reason) {
        super(reason);
    }
}
