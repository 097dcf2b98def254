module netwarden.testkit {
    requires transitive netwarden.model;
    requires com.fasterxml.jackson.databind;
    exports netwarden.testkit;
}
