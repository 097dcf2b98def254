package netwarden.sources;

import java.nio.file.Path;

/** Where {@code ../shared} is: the reactor passes it as {@code netwarden.shared}; tests skip with a reason when it is absent. */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        return Path.of(System.getProperty("netwarden.shared", "../../shared"));
    }

    /** The real captures and their tshark ground truth. */
    public static Path captures() {
        return root().resolve("testdata").resolve("pcap");
    }
}
