package netwarden.sources.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Quake3StatusTest {
    /** Shaped like the answer of OpenArena 0.8.8 on ioquake3 1.36 (Debian), shortened, with two bots. */
    static final String ANSWER = "\u00ff\u00ff\u00ff\u00ffstatusResponse\n"
            + "\\com_protocol\\71\\sv_hostname\\^1Red ^7Server\\mapname\\oa_dm1\\sv_maxclients\\8"
            + "\\version\\ioq3 1.36+u20221123.70d07d9+dfsg-1/Debian linux-x86_64 Jan  8 2023\\challenge\\c0ffee01\n"
            + "3 0 \"Dark^7\"\n"
            + "-1 48 \"^2Gr^3een \\\"q\\\"\"\n";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void requestIsOutOfBandGetstatusWithChallenge() {
        assertThat(new String(Quake3Status.request("ab12"), StandardCharsets.ISO_8859_1)).isEqualTo("\u00ff\u00ff\u00ff\u00ffgetstatus ab12");
    }

    @Test
    void decodesInfoAndPlayers() throws QueryException {
        byte[] b = bytes(ANSWER);
        Quake3Status.Answer a = Quake3Status.decode(b, b.length);
        assertThat(a.challenge()).isEqualTo("c0ffee01");
        QueryResult r = a.status().at("s", 1, 2);
        assertThat(r.players()).isEqualTo(2);
        assertThat(r.maxPlayers()).isEqualTo(8);
        assertThat(r.map()).isEqualTo("oa_dm1");
        assertThat(r.name()).isEqualTo("Red Server");
        assertThat(r.version()).startsWith("ioq3 1.36");
        assertThat(r.playerList()).containsExactly(new QueryPlayer("Dark", 3, 0), new QueryPlayer("Green \\\"q\\\"", -1, 48));
    }

    @Test
    void emptyServerHasNoPlayers() throws QueryException {
        byte[] b = bytes("\u00ff\u00ff\u00ff\u00ffstatusResponse\n\\sv_maxclients\\16\\mapname\\q3dm17\n");
        QueryResult r = Quake3Status.decode(b, b.length).status().at("s", 0, 0);
        assertThat(r.players()).isZero();
        assertThat(r.maxPlayers()).isEqualTo(16);
        assertThat(r.name()).isNull();
    }

    @Test
    void stripsColourCodesButKeepsEscapedCarets() {
        assertThat(Quake3Status.stripColours("^1Red^7 ^^x")).isEqualTo("Red ^"); // "^^" keeps one caret, then "^x" is a colour
        assertThat(Quake3Status.stripColours("a^")).isEqualTo("a^");
    }

    @Test
    void malformedAnswersAreQueryExceptions() {
        for (String bad : new String[] {
                "\u00ff\u00ff\u00ff\u00ffinfoResponse\n\\a\\b\n",
                "\u00ff\u00ff\u00ff\u00fe" + "statusResponse\n\\a\\b\n",
                "\u00ff\u00ff\u00ff\u00ffstatusResponse\\a\\b\n",
                "\u00ff\u00ff\u00ff\u00ffstatusResponse\na\\b\n",
                "\u00ff\u00ff\u00ff\u00ffstatusResponse\n\\a\\b\\c\n",
                "\u00ff\u00ff\u00ff\u00ffstatusResponse\n\\a\\b\nx 0 \"n\"\n",
                "\u00ff\u00ff\u00ff\u00ffstatusResponse\n\\a\\b\n1 0 n\n"}) {
            byte[] b = bytes(bad);
            assertThatThrownBy(() -> Quake3Status.decode(b, b.length)).as(bad).isInstanceOf(QueryException.class)
                    .extracting(e -> ((QueryException) e).protocol()).isEqualTo("quake3");
        }
    }

    @Test
    void everyTruncationIsAQueryExceptionOrAShorterValidAnswer() {
        byte[] b = bytes(ANSWER);
        for (int len = 0; len < b.length; len++) {
            int n = len;
            Throwable t = catchThrowable(() -> Quake3Status.decode(b, n));
            if (t != null) assertThat(t).as("cut at %d", n).isInstanceOf(QueryException.class);
        }
        int infoEnd = ANSWER.indexOf('\n', 20);
        assertThatThrownBy(() -> Quake3Status.decode(b, infoEnd)).isInstanceOf(QueryException.class)
                .hasMessageContaining("not terminated");
    }
}
