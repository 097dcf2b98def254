package netwarden.sources.docker;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 request to the Docker daemon over its unix socket (JDK {@link UnixDomainSocketAddress}),
 * {@code Connection: close}, and its response: read whole ({@link #body}) or as a stream ({@link #stream},
 * for {@code /events}). Every read has a deadline; nothing blocks forever.
 */
final class DockerConnection implements Closeable {
    private final SocketChannel channel;
    private final Selector selector;
    private final ByteBuffer buf = ByteBuffer.allocate(16 << 10);
    private final ChunkedDecoder chunks = new ChunkedDecoder();
    private byte[] raw = new byte[0]; // bytes read past the head, not yet decoded
    private HttpHead head;
    private long bodyLeft;
    private boolean eof;
    long bytesRead;

    /** The daemon did not answer before the deadline. */
    static final class Timeout extends IOException {
        Timeout(String message) { super(message); }
    }

    private DockerConnection(SocketChannel channel, Selector selector) {
        this.channel = channel;
        this.selector = selector;
    }

    static DockerConnection open(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.configureBlocking(false);
            Selector sel = Selector.open();
            ch.register(sel, SelectionKey.OP_READ);
            return new DockerConnection(ch, sel);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Sends {@code GET target} and reads the response head. */
    HttpHead get(String target, long deadline) throws IOException, DockerProtocolException {
        byte[] req = ("GET " + target + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: netwarden\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.wrap(req);
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) waitFor(deadline);
        }
        byte[] acc = new byte[0];
        int end;
        while ((end = HttpHead.end(acc, acc.length)) < 0) {
            int n = readSome(deadline);
            if (n < 0) throw new DockerProtocolException("connection closed before the HTTP head ended");
            acc = append(acc, acc.length, n);
        }
        head = HttpHead.parse(acc, end);
        raw = Arrays.copyOfRange(acc, end, acc.length);
        bodyLeft = head.chunked() ? -1 : head.contentLength();
        return head;
    }

    /** The whole body (at most {@code max} bytes). */
    byte[] body(long deadline, int max) throws IOException, DockerProtocolException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (stream(out, deadline) >= 0) {
            if (System.nanoTime() - deadline >= 0) throw new Timeout("docker daemon did not send the whole body in time");
            if (out.size() > max) throw new DockerProtocolException("response body larger than " + max + " bytes");
        }
        return out.toByteArray();
    }

    /**
     * Decodes what has arrived (waiting until {@code deadline} for at least something) into {@code out}.
     * Returns the bytes added (0 when nothing came in time), or -1 at the end of the body.
     */
    int stream(ByteArrayOutputStream out, long deadline) throws IOException, DockerProtocolException {
        int before = out.size();
        while (true) {
            if (raw.length > 0) {
                decode(out);
                if (out.size() > before) return out.size() - before;
            }
            if (finished()) return -1;
            if (eof) {
                if (head.chunked() || bodyLeft > 0) throw new EOFException("daemon closed the connection mid-body");
                return -1;
            }
            int n;
            try {
                n = readSome(deadline);
            } catch (Timeout e) {
                return out.size() - before;
            }
            if (n < 0) eof = true;
            else raw = Arrays.copyOf(buf.array(), n);
        }
    }

    private boolean finished() {
        return head.chunked() ? chunks.done() : bodyLeft == 0;
    }

    private void decode(ByteArrayOutputStream out) throws DockerProtocolException {
        if (head.chunked()) {
            int used = chunks.feed(raw, 0, raw.length, out);
            raw = Arrays.copyOfRange(raw, used, raw.length);
            if (chunks.done()) raw = new byte[0];
        } else {
            int n = bodyLeft < 0 ? raw.length : (int) Math.min(bodyLeft, raw.length);
            out.write(raw, 0, n);
            if (bodyLeft > 0) bodyLeft -= n;
            raw = new byte[0];
        }
    }

    private byte[] append(byte[] acc, int len, int n) {
        byte[] out = Arrays.copyOf(acc, len + n);
        System.arraycopy(buf.array(), 0, out, len, n);
        return out;
    }

    /** Reads into {@link #buf}: bytes read, -1 at end of stream, {@link Timeout} after the deadline. */
    private int readSome(long deadline) throws IOException {
        while (true) {
            buf.clear();
            int n = channel.read(buf);
            if (n != 0) {
                if (n > 0) bytesRead += n;
                return n;
            }
            waitFor(deadline);
        }
    }

    private void waitFor(long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new Timeout("docker daemon did not answer in time");
        try {
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            selector.selectedKeys().clear();
        } catch (java.nio.channels.ClosedSelectorException e) { // closed by another thread to stop us
            throw new java.nio.channels.ClosedChannelException();
        }
    }

    @Override
    public void close() throws IOException {
        selector.close();
        channel.close();
    }
}
