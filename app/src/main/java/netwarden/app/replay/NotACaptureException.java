package netwarden.app.replay;

import java.io.IOException;

/**
 * A file given to replay whose first bytes are no pcap or pcapng magic number (a config file, a
 * gzip archive, an empty file): nothing in it can be reported, so replay fails (exit 1) instead of
 * printing an empty report with a read error, as it does for a capture damaged further on.
 */
public final class NotACaptureException extends IOException {
    public NotACaptureException(String reason) {
        super("not a capture file (pcap or pcapng): " + reason);
    }
}
