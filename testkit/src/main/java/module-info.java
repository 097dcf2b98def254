module netwarden.testkit {
    requires transitive netwarden.model;
    exports netwarden.testkit;
}
