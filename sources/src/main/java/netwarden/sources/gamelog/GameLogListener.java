package netwarden.sources.gamelog;

/**
 * Receives a tail's events in log order, on the tail's thread; must not block. An exception thrown here
 * is logged and counted and the tail goes on.
 */
@FunctionalInterface
public interface GameLogListener {
    void event(GameLogEvent event);
}
