package netwarden.sources.docker;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP/1.1 response's status line and headers, pure. {@link #end} finds where the head ends
 * (after CRLF CRLF); {@link #parse} reads it. Header names are case-insensitive.
 */
record HttpHead(int status, Map<String, String> headers) {
    static final int MAX_HEAD = 64 << 10;

    /** Index just after the blank line ending the head, or -1 while incomplete. */
    static int end(byte[] b, int len) throws DockerProtocolException {
        for (int i = 3; i < len; i++)
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') return i + 1;
        if (len >= MAX_HEAD) throw new DockerProtocolException("HTTP head longer than " + MAX_HEAD + " bytes");
        return -1;
    }

    static HttpHead parse(byte[] b, int headEnd) throws DockerProtocolException {
        String[] lines = new String(b, 0, headEnd - 4, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) throw new DockerProtocolException("not an HTTP/1.x status line: " + lines[0]);
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw new DockerProtocolException("HTTP status is not a number: " + lines[0]);
        }
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) throw new DockerProtocolException("malformed HTTP header line: " + lines[i]);
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new HttpHead(code, headers);
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    boolean chunked() {
        String te = header("transfer-encoding");
        return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** Content-Length, or -1 when absent. */
    long contentLength() throws DockerProtocolException {
        String cl = header("content-length");
        if (cl == null) return -1;
        try {
            long n = Long.parseLong(cl);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new DockerProtocolException("bad Content-Length: " + cl);
        }
    }
}
