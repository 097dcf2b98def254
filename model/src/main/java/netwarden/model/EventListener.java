package netwarden.model;

/**
 * Receives events on the pipeline thread. Implementations must return at once (hand off to a
 * bounded queue); a listener that blocks stalls the pipeline.
 */
@FunctionalInterface
public interface EventListener {
    void onEvent(Event event);

    EventListener NONE = e -> {};
}
