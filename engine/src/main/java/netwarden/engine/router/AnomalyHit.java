package netwarden.engine.router;

import netwarden.model.router.AnomalyCode;
import netwarden.model.router.DeviceAnomaly;
import java.time.Instant;
import netwarden.model.Ip;

/**
 * One scored anomaly: the device, the code (and its score), what was seen (evidence, e.g.
 * {@code "41 distinct ports to 10.0.0.9 in the minute from 21:00 (threshold 20)"}), and the remote
 * and port concerned (null and -1 when the hit is about the whole minute).
 */
public record AnomalyHit(Instant time, Ip device, AnomalyCode code, String evidence, Ip remote, int port) {
    public int score() {
        return code.score();
    }

    /** The hit as stored and notified. */
    public DeviceAnomaly anomaly() {
        return new DeviceAnomaly(device, code, evidence, remote, port);
    }
}
