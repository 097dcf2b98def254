/** The JSON shapes netwarden writes (API, archive, notifications) and the address format they share. */
module netwarden.wire {
    requires transitive netwarden.model;
    requires transitive com.fasterxml.jackson.databind;
    exports netwarden.wire;
}
