package netwarden.sources.router;

import java.time.Instant;
import netwarden.decode.netlink.ConntrackMessage;

/**
 * A conntrack event as the source delivers it: the decoded message and when it was received
 * (from the injected clock). {@code resync} marks entries of a full-table dump after an overrun.
 */
public record ConntrackEvent(Instant time, boolean resync, ConntrackMessage message) {
    public ConntrackMessage.Kind kind() {
        return message.kind();
    }
}
