package netwarden.model.router;

import java.util.List;
import java.util.Objects;
import netwarden.model.Ip;

/**
 * A LAN device's anomalies grouped into one incident, as seen at the time of its event: opened by the first
 * hit, joined by every hit while open, ended when the device has been quiet for the configured period.
 *
 * @param id         unique within a store: {@code device:<address>:<start second>}
 * @param score      the highest score of its hits
 * @param codes      the codes seen, in order of first appearance
 * @param hits       distinct hits (a repeat of the same code, remote and port counts in {@code duplicates})
 * @param endNanos   0 while open
 */
public record DeviceIncident(String id, Ip device, long startNanos, long endNanos, long updatedNanos, int score,
                             List<String> codes, long hits, long duplicates, String lastEvidence) {
    public DeviceIncident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(device, "device");
        codes = List.copyOf(codes);
    }

    public boolean open() {
        return endNanos == 0;
    }

    /** The incident id for a device's incident starting at {@code startNanos}. */
    public static String id(Ip device, long startNanos) {
        return "device:" + device + ":" + startNanos / 1_000_000_000L;
    }
}
