/**
 * The pure core: windows, services, players and detection, driven through the input port. No I/O,
 * no logging, no clock of its own.
 */
module netwarden.engine {
    requires transitive netwarden.model;
    exports netwarden.engine;
    exports netwarden.engine.detect;
    exports netwarden.engine.router;
    exports netwarden.engine.traffic;
}
