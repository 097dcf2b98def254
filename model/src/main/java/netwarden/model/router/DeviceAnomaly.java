package netwarden.model.router;

import java.util.Objects;
import netwarden.model.Ip;

/**
 * One scored anomaly of a LAN device, as stored and notified: the code (e.g. {@code PORT_SCAN_LIKE}) and its
 * score (the code's), the evidence in words and numbers, and the remote and port concerned (null and -1 when the
 * hit is about the device's whole minute).
 */
public record DeviceAnomaly(Ip device, AnomalyCode code, String evidence, Ip remote, int port) {
    public int score() {
        return code.score();
    }

    public DeviceAnomaly {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(evidence, "evidence");
    }
}
