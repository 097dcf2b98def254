package netwarden.model;

import java.util.List;

/**
 * Immutable view of one service, safe to hand to other threads.
 *
 * @param id          configured name or {@link ServiceKey#id()} for discovered services
 * @param discovered  true when found automatically rather than configured
 * @param packetsIn   total packets to the service since start (a counter)
 * @param bytesIn     total wire bytes to the service
 * @param packetsOut  total packets from the service (its port) to anyone
 * @param bytesOut    total wire bytes from the service
 * @param peakPps     highest packets in any closed 1-second bin
 * @param peakBps     highest bits in any closed 1-second bin
 * @param playersNow  players currently joined
 * @param playersPeak most players joined at once
 * @param recent      closed bins, oldest first, bounded by the configured history
 */
public record ServiceSnapshot(String id, String name, ServiceKey key, String connect, boolean discovered,
                              long packetsIn, long bytesIn, long packetsOut, long bytesOut,
                              long peakPps, long peakBps, int playersNow, int playersPeak,
                              List<WindowStats> recent) {
    public ServiceSnapshot {
        recent = List.copyOf(recent);
    }

    /** The newest closed bin, or null before the first second closed. */
    public WindowStats lastWindow() {
        return recent.isEmpty() ? null : recent.getLast();
    }
}
