package netwarden.sources.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 heads and chunked bodies as dockerd writes them (RFC 9112), fed whole and byte by byte. */
class HttpWireTest {
    static final String EVENTS = "{\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"abc\"}}\n";
    static final String BODY = "1a\r\n" + EVENTS.substring(0, 26) + "\r\n"
            + Integer.toHexString(EVENTS.length() - 26) + ";ext=1\r\n" + EVENTS.substring(26) + "\r\n0\r\nX-Trailer: y\r\n\r\n";

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void chunkedBodyWholeAndByteByByte() throws DockerProtocolException {
        byte[] b = ascii(BODY + "next response");
        ChunkedDecoder whole = new ChunkedDecoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(whole.feed(b, 0, b.length, out)).isEqualTo(BODY.length());
        assertThat(whole.done()).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(EVENTS);

        ChunkedDecoder slow = new ChunkedDecoder();
        ByteArrayOutputStream out2 = new ByteArrayOutputStream();
        for (int i = 0; i < BODY.length(); i++) {
            assertThat(slow.done()).isFalse();
            assertThat(slow.feed(b, i, 1, out2)).isEqualTo(1);
        }
        assertThat(slow.done()).isTrue();
        assertThat(out2.toString(StandardCharsets.UTF_8)).isEqualTo(EVENTS);
    }

    @Test
    void malformedChunksAreProtocolErrors() {
        for (String bad : new String[] {"zz\r\nabc\r\n", "3\r\nabcX\r\n", "3\r\nabc\rX", "\r\n", "123456789\r\n", "f".repeat(5000)}) {
            byte[] b = ascii(bad);
            assertThatThrownBy(() -> new ChunkedDecoder().feed(b, 0, b.length, new ByteArrayOutputStream()))
                    .as(bad.length() > 20 ? "long line" : bad).isInstanceOf(DockerProtocolException.class);
        }
    }

    @Test
    void headOfADockerdResponse() throws DockerProtocolException {
        String head = "HTTP/1.1 200 OK\r\nApi-Version: 1.47\r\nContent-Type: application/json\r\nDocker-Experimental: false\r\n"
                + "Ostype: linux\r\nServer: Docker/27.3.1 (linux)\r\nDate: Mon, 07 Dec 2026 21:00:00 GMT\r\nTransfer-Encoding: chunked\r\n\r\n";
        byte[] b = ascii(head + "1a\r\n");
        for (int len = 0; len < head.length(); len++) assertThat(HttpHead.end(b, len)).isEqualTo(-1);
        int end = HttpHead.end(b, b.length);
        assertThat(end).isEqualTo(head.length());
        HttpHead h = HttpHead.parse(b, end);
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.header("API-VERSION")).isEqualTo("1.47");
        assertThat(h.chunked()).isTrue();
        assertThat(h.contentLength()).isEqualTo(-1);
    }

    @Test
    void malformedHeadsAreProtocolErrors() throws DockerProtocolException {
        for (String bad : new String[] {"SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 abc OK\r\n\r\n", "HTTP/1.1 200 OK\r\nno colon\r\n\r\n"}) {
            byte[] b = ascii(bad);
            assertThatThrownBy(() -> HttpHead.parse(b, HttpHead.end(b, b.length))).as(bad).isInstanceOf(DockerProtocolException.class);
        }
        byte[] b = ascii("HTTP/1.1 200 OK\r\nContent-Length: -4\r\n\r\n");
        HttpHead h = HttpHead.parse(b, b.length);
        assertThatThrownBy(h::contentLength).isInstanceOf(DockerProtocolException.class);
        byte[] endless = new byte[HttpHead.MAX_HEAD];
        assertThatThrownBy(() -> HttpHead.end(endless, endless.length)).hasMessageContaining("longer");
    }
}
