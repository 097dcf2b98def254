package netwarden.sources.docker;

import java.io.ByteArrayOutputStream;

/** Entry point for {@code GameInputFuzzTest}: an HTTP head, then the rest as a chunked body; only {@link DockerProtocolException} is expected. */
public final class DockerWire {
    private DockerWire() {}

    public static void http(byte[] d) {
        try {
            int end = HttpHead.end(d, d.length);
            if (end < 0) return;
            HttpHead h = HttpHead.parse(d, end);
            h.contentLength();
            ChunkedDecoder c = new ChunkedDecoder();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int used = c.feed(d, end, d.length - end, out);
            if (used < 0 || used > d.length - end || out.size() > d.length) throw new AssertionError("chunked decoder overran");
        } catch (DockerProtocolException e) {
            // expected for malformed input
        }
    }
}
