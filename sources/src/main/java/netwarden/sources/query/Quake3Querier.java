package netwarden.sources.query;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;

/** getstatus with a fresh challenge per poll; answers echoing another challenge are late ones, skipped. */
final class Quake3Querier extends UdpQuerier {
    private final SecureRandom random = new SecureRandom();

    Quake3Querier(QueryCounters counters) {
        super(counters);
    }

    @Override
    public Outcome query(InetSocketAddress target, long deadline) throws IOException, QueryException {
        byte[] nonce = new byte[4];
        random.nextBytes(nonce);
        String challenge = HexFormat.of().formatHex(nonce);
        long sent = System.nanoTime();
        link.send(target, Quake3Status.request(challenge));
        while (true) {
            byte[] d = link.receive(deadline, "statusResponse");
            long rtt = System.nanoTime() - sent;
            Quake3Status.Answer a = Quake3Status.decode(d, d.length);
            if (a.challenge() != null && !a.challenge().equals(challenge)) {
                counters.staleAnswer();
                continue;
            }
            return new Outcome(a.status(), rtt);
        }
    }
}
