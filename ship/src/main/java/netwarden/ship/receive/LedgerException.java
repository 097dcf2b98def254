package netwarden.ship.receive;

/** The ledger's database failed (down, restarting, full): nothing was stored; the sender should retry. */
public final class LedgerException extends Exception {
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
