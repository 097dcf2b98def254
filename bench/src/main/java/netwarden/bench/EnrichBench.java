package netwarden.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netwarden.enrich.AsnCsv;
import netwarden.enrich.AsnKinds;
import netwarden.enrich.EnrichConfig;
import netwarden.enrich.Enricher;
import netwarden.enrich.EnricherLoader;
import netwarden.enrich.GeoIpFiles;
import java.util.SplittableRandom;
import netwarden.model.Ip;

/**
 * Measures {@link Enricher} lookups per second: cached (the pipeline's path) and uncached (the
 * resolver's path). Not a test; run by hand:
 *
 * <pre>
 * ./mvnw -q -pl sinks compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp sinks/target/classes:$(cat sinks/target/cp.txt) netwarden.bench.EnrichBench \
 *      [--dir ~/.cache/netwarden/geoip] [--addresses 50000] [--seconds 3]
 * </pre>
 * Without data in the directory it measures against 400 000 synthetic ASN ranges.
 */
public final class EnrichBench {
    private EnrichBench() {}

    public static void main(String[] args) throws IOException {
        Path dir = EnrichConfig.defaultDataDir(System.getenv(), System.getProperty("user.home"));
        int addresses = 50_000;
        double seconds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--addresses" -> addresses = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--dir, --addresses, --seconds)");
            }
        }
        Enricher enricher = open(dir, addresses);
        long[] hi = new long[addresses], lo = new long[addresses];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < addresses; i++) {
            Ip ip = Ip.ofV4((int) random.nextLong(1L << 24, 0xdf00_0000L)); // 1.0.0.0 .. 222.255.255.255
            hi[i] = ip.hi();
            lo[i] = ip.lo();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < addresses; i++) enricher.resolve(new Ip(hi[i], lo[i]));
        double uncached = addresses / ((System.nanoTime() - t0) / 1e9);
        for (int round = 0; round < 3; round++) {
            double rate = cached(enricher, hi, lo, seconds);
            System.out.printf("cached lookups:   %,.0f /s (%d addresses, round %d)%n", rate, addresses, round + 1);
        }
        System.out.printf("uncached resolve: %,.0f /s (country %s, ASN ranges)%n", uncached,
                Files.isRegularFile(dir.resolve(GeoIpFiles.COUNTRY_MMDB)) ? "MMDB" : "absent");
    }

    private static double cached(Enricher enricher, long[] hi, long[] lo, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long ops = 0, sink = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < hi.length; i++) sink += enricher.lookup(hi[i], lo[i]).asn();
            ops += hi.length;
        }
        double rate = ops / ((System.nanoTime() - start) / 1e9);
        if (sink == 42) System.out.print(""); // keeps the loop's results alive
        return rate;
    }

    private static Enricher open(Path dir, int addresses) throws IOException {
        int cache = Math.max(16, addresses * 2);
        if (Files.isRegularFile(dir.resolve(GeoIpFiles.ASN_V4_CSV))) {
            System.out.println("data: " + dir);
            return EnricherLoader.open(new EnrichConfig(true, dir, null, List.of(), List.of(), cache, 4096));
        }
        System.out.println("data: synthetic (no " + GeoIpFiles.ASN_V4_CSV + " in " + dir + ")");
        Path tmp = Files.createTempFile("netwarden-asn", ".csv");
        try {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 400_000; i++) {
                Ip a = Ip.ofV4((1 << 24) + i * 8192), b = Ip.ofV4((1 << 24) + i * 8192 + 4095);
                sb.append(a).append(',').append(b).append(',').append(1000 + i % 5000).append(",Org ").append(i % 5000).append('\n');
            }
            Files.writeString(tmp, sb);
            return new Enricher(null, AsnCsv.read(List.of(tmp)), AsnKinds.builtIn(), cache, 4096);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
