/** Immutable records every stage shares; the JDK only. */
module netwarden.model {
    exports netwarden.model;
    exports netwarden.model.ingest;
    exports netwarden.model.router;
}
