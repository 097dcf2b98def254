package netwarden.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import netwarden.model.Ip;
import org.junit.jupiter.api.Test;

class EnricherTest {
    private static final AsnTable ASNS = table();

    private static AsnTable table() {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("asn", ".csv");
            java.nio.file.Files.writeString(f, "1.1.1.0,1.1.1.255,13335,\"Cloudflare, Inc.\"\n8.8.8.0,8.8.8.255,15169,Google LLC\n"
                    + "5.5.5.0,5.5.5.255,3320,Deutsche Telekom AG\n");
            AsnTable t = AsnCsv.read(java.util.List.of(f));
            java.nio.file.Files.delete(f);
            return t;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final CountryLookup COUNTRIES = ip -> Map.of("1.1.1.1", "AU", "8.8.8.8", "US", "5.5.5.5", "DE").get(ip.toString());

    @Test
    void missAnswersPendingThenTheResolverFillsTheCache() throws Exception {
        try (Enricher e = new Enricher(COUNTRIES, ASNS, AsnKinds.builtIn(), 1024, 16)) {
            Ip ip = Ip.parse("1.1.1.1");
            assertThat(e.lookup(ip)).isSameAs(Enrichment.PENDING);
            e.start();
            Enrichment got = await(e, ip);
            assertThat(got.status()).isEqualTo(Enrichment.Status.RESOLVED);
            assertThat(got.country()).isEqualTo("AU");
            assertThat(got.asn()).isEqualTo(13335);
            assertThat(got.org()).isEqualTo("Cloudflare, Inc.");
            assertThat(got.network()).isEqualTo(NetworkKind.HOSTING);
            assertThat(got.hostingOrVpn()).isTrue();
            assertThat(e.lookup(ip)).isSameAs(got);
            assertThat(e.resolve(Ip.parse("5.5.5.5")).hostingOrVpn()).isFalse();
        }
    }

    @Test
    void reservedRangesAreLabelledWithoutLookup() {
        AtomicInteger lookups = new AtomicInteger();
        try (Enricher e = new Enricher(ip -> { lookups.incrementAndGet(); return "ZZ"; }, ASNS, AsnKinds.builtIn(), 64, 4)) {
            Enrichment r = e.lookup(Ip.parse("192.168.1.10"));
            assertThat(r.status()).isEqualTo(Enrichment.Status.RESERVED);
            assertThat(r.label()).isEqualTo("private");
            assertThat(r.countryLabel()).isEqualTo("private");
            assertThat(e.resolve(Ip.parse("100.64.1.1")).label()).isEqualTo("cgnat");
            assertThat(e.lookup(Ip.parse("192.168.1.10"))).isSameAs(r);
            assertThat(lookups).hasValue(0);
            assertThat(e.misses()).isZero();
        }
    }

    @Test
    void withoutDataEverythingPublicIsUnavailable() {
        try (Enricher e = Enricher.none()) {
            assertThat(e.available()).isFalse();
            assertThat(e.lookup(Ip.parse("8.8.8.8"))).isSameAs(Enrichment.UNAVAILABLE);
            assertThat(e.resolve(Ip.parse("8.8.8.8"))).isSameAs(Enrichment.UNAVAILABLE);
            assertThat(e.lookup(Ip.parse("10.0.0.1")).label()).isEqualTo("private");
            assertThat(e.misses()).isZero();
        }
    }

    @Test
    void aFullQueueDropsAndCountsAndTheAddressIsAskedForAgainLater() {
        try (Enricher e = new Enricher(COUNTRIES, ASNS, AsnKinds.builtIn(), 1024, 2)) { // resolver not started
            for (int i = 1; i <= 5; i++) assertThat(e.lookup(Ip.ofV4(0x0b000000 + i))).isSameAs(Enrichment.PENDING);
            assertThat(e.queued()).isEqualTo(2);
            assertThat(e.dropped()).isEqualTo(3);
            assertThat(e.lookup(Ip.ofV4(0x0b000001))).isSameAs(Enrichment.PENDING); // already queued: not again
            assertThat(e.queued()).isEqualTo(2);
            assertThat(e.dropped()).isEqualTo(3);
        }
    }

    @Test
    void cacheHitsDoNotAllocate() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Enricher e = new Enricher(COUNTRIES, ASNS, AsnKinds.builtIn(), 4096, 16)) {
            long[] hi = new long[1000], lo = new long[1000];
            for (int i = 0; i < 1000; i++) {
                Ip ip = Ip.ofV4(0x0100_0000 + i * 7919);
                hi[i] = ip.hi();
                lo[i] = ip.lo();
                e.resolve(ip);
            }
            long sink = 0;
            for (int r = 0; r < 200; r++) for (int i = 0; i < 1000; i++) sink += e.lookup(hi[i], lo[i]).asn(); // warm up / JIT
            long tid = Thread.currentThread().threadId();
            long before = threads.getThreadAllocatedBytes(tid);
            for (int r = 0; r < 200; r++) for (int i = 0; i < 1000; i++) sink += e.lookup(hi[i], lo[i]).asn();
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            assertThat(sink).isNotNegative();
            assertThat(allocated).as("bytes allocated by 200k cache hits").isLessThan(200_000);
        }
    }

    @Test
    void concurrentReadersAndTheResolverAgree() throws Exception {
        try (Enricher e = new Enricher(COUNTRIES, ASNS, AsnKinds.builtIn(), 256, 1024)) {
            e.start();
            CountDownLatch done = new CountDownLatch(2);
            AtomicInteger wrong = new AtomicInteger();
            for (int t = 0; t < 2; t++) {
                Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 200_000; i++) {
                        Ip ip = Ip.ofV4(0x0808_0800 + (i % 512)); // more addresses than the cache holds
                        Enrichment r = e.lookup(ip);
                        boolean inRange = (i % 512) < 256;
                        if (r.settled() && (r.asn() == 15169) != inRange) wrong.incrementAndGet();
                    }
                    done.countDown();
                });
            }
            done.await();
            assertThat(wrong).hasValue(0);
        }
    }

    static Enrichment await(Enricher e, Ip ip) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            Enrichment r = e.lookup(ip);
            if (r.settled()) return r;
            Thread.sleep(10);
        }
        throw new AssertionError("not resolved within 5 s: " + ip);
    }
}
