/** Pure bytes to records: no I/O, clock or logging. */
module netwarden.decode {
    requires transitive netwarden.model;
    exports netwarden.decode;
    exports netwarden.decode.flow;
    exports netwarden.decode.netlink;
}
