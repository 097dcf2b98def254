package netwarden.engine.detect;

/** Tells detection which addresses are current players of a scope, so attack source lists leave them out. */
@FunctionalInterface
public interface PlayerFilter {
    boolean isPlayer(Scope scope, long hi, long lo);
}
