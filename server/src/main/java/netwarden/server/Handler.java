package netwarden.server;

/** Answers one matched request; must not write to the exchange itself. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request) throws Exception;
}
