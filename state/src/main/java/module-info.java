/** State files in state.dir: reads bounded in size, atomic writes, damaged files moved aside. JDK only. */
module netwarden.state {
    exports netwarden.state;
}
