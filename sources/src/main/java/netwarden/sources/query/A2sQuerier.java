package netwarden.sources.query;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/** A2S_INFO then A2S_PLAYER, each through the challenge handshake and split reassembly when the server uses them. */
final class A2sQuerier extends UdpQuerier {

    A2sQuerier(QueryCounters counters) {
        super(counters);
    }

    @Override
    public Outcome query(InetSocketAddress target, long deadline) throws IOException, QueryException {
        long sent = System.nanoTime();
        A2s.Answer a = exchange(target, A2s.infoRequest(null), deadline);
        if (a instanceof A2s.Challenge c) {
            counters.challenge();
            sent = System.nanoTime();
            a = exchange(target, A2s.infoRequest(c.value()), deadline);
        }
        long rtt = System.nanoTime() - sent;
        if (!(a instanceof A2s.Info info)) throw new QueryException(A2s.PROTOCOL, 4, "expected A2S_INFO answer, got " + kind(a));
        List<QueryPlayer> players;
        a = exchange(target, A2s.playerRequest(-1), deadline);
        if (a instanceof A2s.Challenge c) {
            counters.challenge();
            a = exchange(target, A2s.playerRequest(c.value()), deadline);
        }
        if (!(a instanceof A2s.Players p)) throw new QueryException(A2s.PROTOCOL, 4, "expected A2S_PLAYER answer, got " + kind(a));
        players = p.players();
        return new Outcome(new QueryResult.Status(info.players(), info.bots(), info.maxPlayers(), info.map(), info.name(),
                info.version(), players), rtt);
    }

    private A2s.Answer exchange(InetSocketAddress target, byte[] request, long deadline) throws IOException, QueryException {
        link.send(target, request);
        A2sSplit split = new A2sSplit();
        while (true) {
            byte[] d = link.receive(deadline, "A2S answer");
            if (A2sSplit.isSplit(d, d.length)) {
                counters.splitPart();
                byte[] whole = split.offer(d, d.length);
                if (whole != null) return A2s.decode(whole, whole.length);
            } else {
                return A2s.decode(d, d.length);
            }
        }
    }

    private static String kind(A2s.Answer a) {
        return a.getClass().getSimpleName();
    }
}
