package netwarden.sources.query;

/** Entry points for {@code GameInputFuzzTest}: feed bytes to the decoders, let only {@link QueryException} through (swallowed). */
public final class QueryWire {
    private QueryWire() {}

    public static void quake3(byte[] d) {
        try {
            Quake3Status.Answer a = Quake3Status.decode(d, d.length);
            QueryResult r = a.status().at("f", 0, 0);
            if (r.players() != r.playerList().size()) throw new AssertionError("count and list differ");
        } catch (QueryException e) {
            check(e, d.length);
        }
    }

    public static void a2s(byte[] d) {
        try {
            if (A2sSplit.isSplit(d, d.length)) {
                A2sSplit s = new A2sSplit();
                byte[] whole = s.offer(d, d.length);
                if (whole != null) A2s.decode(whole, whole.length);
            } else {
                A2s.decode(d, d.length);
            }
        } catch (QueryException e) {
            if (e.offset() < 0) throw new AssertionError("negative offset", e);
        }
    }

    public static void minecraft(byte[] d) {
        try {
            int n = MinecraftPing.frameLength(d, d.length);
            if (n > d.length) throw new AssertionError("frame longer than the input");
            if (n > 0) MinecraftPing.decode(d, n);
        } catch (QueryException e) {
            check(e, d.length);
        }
    }

    private static void check(QueryException e, int len) {
        if (e.offset() < 0 || e.offset() > len) throw new AssertionError("offset out of range: " + e.offset(), e);
    }
}
