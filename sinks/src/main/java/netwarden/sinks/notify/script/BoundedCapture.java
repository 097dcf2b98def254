package netwarden.sinks.notify.script;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a stream to its end on a virtual thread, keeping the first {@code limit} bytes and discarding the rest. */
final class BoundedCapture {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Thread reader;
    private long total;

    BoundedCapture(InputStream in, int limit, String name) {
        reader = Thread.ofVirtual().name(name).start(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (this) {
                        int keep = (int) Math.max(0, Math.min(n, limit - total));
                        kept.write(buf, 0, keep);
                        total += n;
                    }
                }
            } catch (IOException e) {
                // the process was killed: what was read is kept
            }
        });
    }

    /** Waits briefly for the reader to finish, then returns what was kept, noting a cut. */
    String text() throws InterruptedException {
        reader.join(java.time.Duration.ofSeconds(1));
        synchronized (this) {
            String s = kept.toString(StandardCharsets.UTF_8);
            return total > kept.size() ? s + "… (" + (total - kept.size()) + " more bytes)" : s;
        }
    }
}
