package netwarden.sources.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A2S answers built byte by byte from the Valve developer wiki's "Server queries" tables. */
class A2sTest {
    static final HexFormat HEX = HexFormat.of();

    /** A2S_INFO answer: the wiki's layout, values of a Counter-Strike 2 server. */
    static byte[] info(int players, int max, int bots) {
        var o = new ByteArrayOutputStream();
        o.writeBytes(HEX.parseHex("ffffffff49")); // header, 'I'
        o.write(17); // protocol
        cstr(o, "My CS2 Server");
        cstr(o, "de_dust2");
        cstr(o, "csgo");
        cstr(o, "Counter-Strike 2");
        o.writeBytes(HEX.parseHex("da02")); // app id 730, little-endian
        o.write(players);
        o.write(max);
        o.write(bots);
        o.write('d');
        o.write('l');
        o.write(0);
        o.write(1);
        cstr(o, "1.40.2.5");
        o.write(0x80); // EDF: port follows
        o.writeBytes(HEX.parseHex("8769"));
        return o.toByteArray();
    }

    static byte[] players(String... names) {
        var o = new ByteArrayOutputStream();
        o.writeBytes(HEX.parseHex("ffffffff44"));
        o.write(names.length);
        int score = 10;
        for (String n : names) {
            o.write(0);
            cstr(o, n);
            byte[] s = new byte[4];
            A2s.putInt(s, 0, score++);
            o.writeBytes(s);
            o.writeBytes(HEX.parseHex("0000c842")); // 100.0f seconds
        }
        return o.toByteArray();
    }

    static byte[] challenge(int value) {
        byte[] b = HEX.parseHex("ffffffff4100000000");
        A2s.putInt(b, 5, value);
        return b;
    }

    static void cstr(ByteArrayOutputStream o, String s) {
        o.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        o.write(0);
    }

    @Test
    void requestsMatchTheWiki() {
        assertThat(HEX.formatHex(A2s.infoRequest(null)))
                .isEqualTo("ffffffff54536f7572636520456e67696e6520517565727900");
        assertThat(HEX.formatHex(A2s.infoRequest(0x4A5B6C7D))).endsWith("00" + "7d6c5b4a");
        assertThat(HEX.formatHex(A2s.playerRequest(-1))).isEqualTo("ffffffff55ffffffff");
        assertThat(HEX.formatHex(A2s.playerRequest(0x11223344))).isEqualTo("ffffffff5544332211");
    }

    @Test
    void decodesInfoPlayersAndChallenge() throws QueryException {
        byte[] i = info(12, 24, 2);
        assertThat(A2s.decode(i, i.length)).isEqualTo(new A2s.Info("My CS2 Server", "de_dust2", "csgo", "Counter-Strike 2", 12, 24, 2, "1.40.2.5"));
        byte[] p = players("alice", "bob ü");
        assertThat(((A2s.Players) A2s.decode(p, p.length)).players())
                .containsExactly(new QueryPlayer("alice", 10, null), new QueryPlayer("bob ü", 11, null));
        byte[] c = challenge(0xCAFEBABE);
        assertThat(A2s.decode(c, c.length)).isEqualTo(new A2s.Challenge(0xCAFEBABE));
    }

    @Test
    void decodesTheGoldSourceInfoAnswer() throws QueryException {
        var o = new ByteArrayOutputStream();
        o.writeBytes(HEX.parseHex("ffffffff6d"));
        cstr(o, "77.111.194.110:27015");
        cstr(o, "HLDM");
        cstr(o, "crossfire");
        cstr(o, "valve");
        cstr(o, "Half-Life");
        o.writeBytes(new byte[] {5, 16, 47, 'd', 'l', 0, 0, 1, 2});
        byte[] b = o.toByteArray();
        assertThat(A2s.decode(b, b.length)).isEqualTo(new A2s.Info("HLDM", "crossfire", "valve", "Half-Life", 5, 16, 2, null));
    }

    @Test
    void malformedAnswersAreQueryExceptions() {
        byte[] wrongType = HEX.parseHex("ffffffff5a00");
        assertThatThrownBy(() -> A2s.decode(wrongType, wrongType.length)).isInstanceOf(QueryException.class).hasMessageContaining("0x5a");
        byte[] notSimple = HEX.parseHex("feffffff49");
        assertThatThrownBy(() -> A2s.decode(notSimple, notSimple.length)).isInstanceOf(QueryException.class);
        byte[] moreBots = info(1, 10, 2);
        assertThatThrownBy(() -> A2s.decode(moreBots, moreBots.length)).hasMessageContaining("bots");
    }

    @Test
    void everyTruncationIsAQueryException() {
        for (byte[] whole : new byte[][] {players("alice", "bob"), challenge(7), Arrays.copyOf(info(1, 2, 0), info(1, 2, 0).length - 12)}) {
            for (int len = 0; len < whole.length; len++) {
                int n = len;
                assertThat(catchThrowable(() -> A2s.decode(whole, n))).as("cut at %d of %d", n, whole.length)
                        .isInstanceOf(QueryException.class);
            }
        }
    }

    static byte[] splitPart(int id, int total, int number, byte[] payload) {
        byte[] out = new byte[12 + payload.length];
        A2s.putInt(out, 0, -2);
        A2s.putInt(out, 4, id);
        out[8] = (byte) total;
        out[9] = (byte) number;
        out[10] = (byte) 0xE0; // size 1248
        out[11] = 0x04;
        System.arraycopy(payload, 0, out, 12, payload.length);
        return out;
    }

    @Test
    void reassemblesSplitPartsInAnyOrder() throws QueryException {
        byte[] whole = players("a", "b", "c", "d", "e");
        byte[][] parts = {Arrays.copyOfRange(whole, 0, 10), Arrays.copyOfRange(whole, 10, 20), Arrays.copyOfRange(whole, 20, whole.length)};
        A2sSplit split = new A2sSplit();
        byte[] p2 = splitPart(77, 3, 2, parts[2]), p0 = splitPart(77, 3, 0, parts[0]), p1 = splitPart(77, 3, 1, parts[1]);
        assertThat(A2sSplit.isSplit(p2, p2.length)).isTrue();
        assertThat(split.offer(p2, p2.length)).isNull();
        assertThat(split.offer(p0, p0.length)).isNull();
        assertThat(split.offer(p0, p0.length)).as("duplicate part").isNull();
        assertThat(split.pending()).isTrue();
        assertThat(split.offer(p1, p1.length)).isEqualTo(whole);
        assertThat(split.pending()).isFalse();
    }

    @Test
    void aPartOfAnotherAnswerStartsOver() throws QueryException {
        A2sSplit split = new A2sSplit();
        byte[] old = splitPart(1, 2, 0, HEX.parseHex("ffffffff44"));
        split.offer(old, old.length);
        byte[] a = splitPart(2, 2, 0, HEX.parseHex("ffffffff44")), b = splitPart(2, 2, 1, new byte[] {0});
        assertThat(split.offer(a, a.length)).isNull();
        assertThat(HEX.formatHex(split.offer(b, b.length))).isEqualTo("ffffffff4400");
    }

    @Test
    void refusesCompressedAndInconsistentSplits() {
        byte[] compressed = splitPart(0x80000001, 2, 0, new byte[8]);
        assertThatThrownBy(() -> new A2sSplit().offer(compressed, compressed.length))
                .isInstanceOf(QueryException.class).extracting(e -> ((QueryException) e).reason()).isEqualTo(A2sSplit.COMPRESSED);
        byte[] start = HEX.parseHex("ffffffff44"); // a first part's payload starts like a simple answer
        byte[] numberTooHigh = splitPart(3, 2, 2, new byte[1]), firstOf3 = splitPart(3, 2, 0, start);
        assertThatThrownBy(() -> {
            A2sSplit s = new A2sSplit();
            s.offer(firstOf3, firstOf3.length);
            s.offer(numberTooHigh, numberTooHigh.length);
        }).hasMessageContaining("not below total");
        byte[] zeroTotal = splitPart(3, 0, 0, start);
        assertThatThrownBy(() -> new A2sSplit().offer(zeroTotal, zeroTotal.length)).hasMessageContaining("out of range");
        A2sSplit s = new A2sSplit();
        byte[] first = splitPart(4, 3, 0, start), changed = splitPart(4, 2, 1, new byte[1]);
        assertThatThrownBy(() -> {
            s.offer(first, first.length);
            s.offer(changed, changed.length);
        }).hasMessageContaining("total changed");
        byte[] header = splitPart(5, 2, 1, new byte[0]);
        for (int len = 0; len < 9; len++) { // shorter than the shortest split header (GoldSource's)
            int n = len;
            assertThat(catchThrowable(() -> new A2sSplit().offer(header, n))).isInstanceOf(QueryException.class);
        }
        for (int len = 9; len < 12; len++) { // the first part showed the Source layout: a later part needs its 12 bytes
            int n = len;
            A2sSplit known = new A2sSplit();
            byte[] firstPart = splitPart(5, 2, 0, players("a"));
            assertThat(catchThrowable(() -> {
                known.offer(firstPart, firstPart.length);
                known.offer(header, n);
            })).as("cut at %d", n).isInstanceOf(QueryException.class);
        }
    }

    /** GoldSource's split part (wiki: header -2, ID, then one byte: packet number in the upper 4 bits, total in the lower 4). */
    static byte[] goldSourcePart(int id, int total, int number, byte[] payload) {
        byte[] out = new byte[9 + payload.length];
        A2s.putInt(out, 0, -2);
        A2s.putInt(out, 4, id);
        out[8] = (byte) (number << 4 | total);
        System.arraycopy(payload, 0, out, 9, payload.length);
        return out;
    }

    /** Source's layout without the Size field (App IDs 215, 17550, 17700 and 240 with protocol 7). */
    static byte[] sizelessPart(int id, int total, int number, byte[] payload) {
        byte[] out = new byte[10 + payload.length];
        A2s.putInt(out, 0, -2);
        A2s.putInt(out, 4, id);
        out[8] = (byte) total;
        out[9] = (byte) number;
        System.arraycopy(payload, 0, out, 10, payload.length);
        return out;
    }

    private static byte[][] thirds(byte[] whole) {
        int a = whole.length / 3, b = 2 * whole.length / 3;
        return new byte[][] {Arrays.copyOfRange(whole, 0, a), Arrays.copyOfRange(whole, a, b), Arrays.copyOfRange(whole, b, whole.length)};
    }

    @Test
    void reassemblesGoldSourceSplitPartsLaterPartsFirst() throws QueryException {
        byte[] whole = players("alice", "bob", "carol", "dave");
        byte[][] t = thirds(whole);
        byte[] p0 = goldSourcePart(3, 3, 0, t[0]), p1 = goldSourcePart(3, 3, 1, t[1]), p2 = goldSourcePart(3, 3, 2, t[2]);
        assertThat(HEX.formatHex(p1, 0, 9)).isEqualTo("feffffff" + "03000000" + "13"); // number 1 of 3
        assertThat(A2sSplit.layoutOf(p0, p0.length)).isEqualTo(A2sSplit.Layout.GOLDSOURCE);
        assertThat(A2sSplit.layoutOf(p2, p2.length)).as("a later part does not show the layout").isNull();
        A2sSplit split = new A2sSplit();
        assertThat(split.offer(p2, p2.length)).isNull();
        assertThat(split.offer(p1, p1.length)).isNull();
        assertThat(split.pending()).isTrue();
        assertThat(split.offer(p0, p0.length)).isEqualTo(whole);
        assertThat(split.pending()).isFalse();
        // in order too, and the result decodes
        A2sSplit inOrder = new A2sSplit();
        assertThat(inOrder.offer(p0, p0.length)).isNull();
        assertThat(inOrder.offer(p1, p1.length)).isNull();
        byte[] again = inOrder.offer(p2, p2.length);
        assertThat(((A2s.Players) A2s.decode(again, again.length)).players()).extracting(QueryPlayer::name)
                .containsExactly("alice", "bob", "carol", "dave");
    }

    @Test
    void reassemblesSourceSplitPartsWithoutTheSizeField() throws QueryException {
        byte[] whole = players("e", "f", "g");
        byte[][] t = thirds(whole);
        byte[] p0 = sizelessPart(9, 3, 0, t[0]), p1 = sizelessPart(9, 3, 1, t[1]), p2 = sizelessPart(9, 3, 2, t[2]);
        assertThat(A2sSplit.layoutOf(p0, p0.length)).isEqualTo(A2sSplit.Layout.SOURCE_WITHOUT_SIZE);
        assertThat(A2sSplit.layoutOf(splitPart(9, 3, 0, t[0]), t[0].length + 12)).isEqualTo(A2sSplit.Layout.SOURCE);
        A2sSplit split = new A2sSplit();
        assertThat(split.offer(p1, p1.length)).isNull();
        assertThat(split.offer(p0, p0.length)).isNull();
        assertThat(split.offer(p2, p2.length)).isEqualTo(whole);
    }

    @Test
    void goldSourceSplitsAreCheckedLikeSourceOnes() {
        byte[] whole = players("a", "b");
        byte[] numberTooHigh = goldSourcePart(4, 2, 3, whole);
        byte[] first = goldSourcePart(4, 2, 0, whole);
        assertThatThrownBy(() -> {
            A2sSplit s = new A2sSplit();
            s.offer(first, first.length);
            s.offer(numberTooHigh, numberTooHigh.length);
        }).isInstanceOf(QueryException.class).hasMessageContaining("split number 3 not below total 2");
        byte[] zeroTotal = goldSourcePart(4, 0, 0, whole);
        assertThatThrownBy(() -> new A2sSplit().offer(zeroTotal, zeroTotal.length)).hasMessageContaining("out of range");
        byte[] changed = goldSourcePart(4, 3, 1, new byte[1]);
        assertThatThrownBy(() -> {
            A2sSplit s = new A2sSplit();
            s.offer(first, first.length);
            s.offer(changed, changed.length);
        }).hasMessageContaining("total changed");
        // parts that never meet their first one are bounded
        A2sSplit s = new A2sSplit();
        byte[] later = goldSourcePart(4, 3, 1, new byte[1]);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 40; i++) s.offer(later, later.length);
        }).hasMessageContaining("before the first");
    }
}
