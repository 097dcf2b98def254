package netwarden.sources.docker;

import java.io.ByteArrayOutputStream;

/**
 * HTTP/1.1 chunked transfer coding (RFC 9112 section 7.1), incremental and pure: feed any slices of the
 * body as they arrive, get the data out. Chunk extensions and trailers are read and ignored.
 */
final class ChunkedDecoder {
    private static final int MAX_LINE = 4096;
    private enum State { SIZE, DATA, DATA_CR, DATA_LF, TRAILER, DONE }

    private State state = State.SIZE;
    private final StringBuilder line = new StringBuilder();
    private long left;

    /** Decodes {@code b[off..off+len)}; data goes to {@code out}. Returns bytes consumed (less than len only when done). */
    int feed(byte[] b, int off, int len, ByteArrayOutputStream out) throws DockerProtocolException {
        int i = off, end = off + len;
        while (i < end && state != State.DONE) {
            switch (state) {
                case SIZE, TRAILER -> {
                    byte c = b[i++];
                    if (c == '\n') {
                        String l = line.toString();
                        line.setLength(0);
                        if (l.endsWith("\r")) l = l.substring(0, l.length() - 1);
                        if (state == State.TRAILER) {
                            if (l.isEmpty()) state = State.DONE;
                        } else {
                            left = size(l);
                            state = left == 0 ? State.TRAILER : State.DATA;
                        }
                    } else {
                        if (line.length() >= MAX_LINE) throw new DockerProtocolException("chunk size or trailer line too long");
                        line.append((char) (c & 0xFF));
                    }
                }
                case DATA -> {
                    int n = (int) Math.min(left, end - i);
                    out.write(b, i, n);
                    i += n;
                    left -= n;
                    if (left == 0) state = State.DATA_CR;
                }
                case DATA_CR -> {
                    if (b[i++] != '\r') throw new DockerProtocolException("chunk data not followed by CRLF");
                    state = State.DATA_LF;
                }
                case DATA_LF -> {
                    if (b[i++] != '\n') throw new DockerProtocolException("chunk data not followed by CRLF");
                    state = State.SIZE;
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return i - off;
    }

    boolean done() { return state == State.DONE; }

    private static long size(String l) throws DockerProtocolException {
        int semi = l.indexOf(';');
        String hex = (semi < 0 ? l : l.substring(0, semi)).trim();
        if (hex.isEmpty() || hex.length() > 8) throw new DockerProtocolException("bad chunk size line: '" + l + "'");
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new DockerProtocolException("bad chunk size line: '" + l + "'");
        }
    }
}
