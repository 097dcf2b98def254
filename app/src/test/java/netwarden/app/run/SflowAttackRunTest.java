package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netwarden.app.Http;
import netwarden.app.config.NetwardenConfig;
import netwarden.testkit.FlowExports;
import netwarden.testkit.Frames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --collect sflow=...} alone (no packet source): a UDP flood seen only as 1:N sampled sFlow
 * headers is reported as an attack within 2 s of its first export datagram, rated at the sampled
 * count × N.
 */
class SflowAttackRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin-secret-0123456789";
    private static final int RATE = 100;                 // 1:100 sampling
    private static final int SAMPLES_PER_DATAGRAM = 10;
    private static final long DATAGRAM_EVERY_MS = 20;    // 500 samples/s: 50,000 pps once scaled, over the 20,000 pps floor
    private static final long DEADLINE_MS = 2_000;
    private static final long FLOOD_MS = 3_500;

    @TempDir
    Path dir;

    @Test
    void aSampledUdpFloodStartsAnAttackWithinTwoSecondsAtTheScaledRate() throws Exception {
        Path config = Files.writeString(dir.resolve("netwarden.yaml"), """
                api:
                  tokens:
                    - name: admin
                      token: %s
                services:
                  - name: arena
                    address: 10.0.0.1
                    port: 27015
                detection:
                  update-every: 1s
                """.formatted(ADMIN));
        NetwardenConfig effective = LiveRuntimeTest.parseRun(Map.of("XDG_STATE_HOME", dir.toString()),
                "run", "--config", config.toString(), "--collect", "sflow=127.0.0.1:0", "--listen", "127.0.0.1:0");
        assertThat(effective.source().pcap()).isNull();

        List<Long> sentMs = new ArrayList<>();
        AtomicLong seenMs = new AtomicLong();
        JsonNode started, updated;
        try (LiveRuntime runtime = new LiveRuntime(effective, null);
             DatagramSocket exporter = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            runtime.start();
            int udp = runtime.collectorPorts().getFirst();
            assertThat(events(runtime.port(), "attack_started")).isEmpty(); // also warms the HTTP client up
            // The API is watched from another thread, so the sender keeps its pace; both loops are bounded in time.
            Thread watcher = Thread.ofVirtual().start(() -> {
                long until = System.currentTimeMillis() + FLOOD_MS + 2_000;
                try {
                    while (System.currentTimeMillis() < until && events(runtime.port(), "attack_started").isEmpty()) Thread.sleep(10);
                    if (System.currentTimeMillis() < until) seenMs.set(System.currentTimeMillis());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < FLOOD_MS / DATAGRAM_EVERY_MS; i++) {
                long now = System.currentTimeMillis();
                byte[] d = datagram(i);
                exporter.send(new DatagramPacket(d, d.length, InetAddress.getLoopbackAddress(), udp));
                sentMs.add(now);
                Thread.sleep(Math.max(0, now + DATAGRAM_EVERY_MS - System.currentTimeMillis()));
            }
            watcher.join(5_000);
            List<JsonNode> starts = events(runtime.port(), "attack_started");
            assertThat(starts).as("attack_started during %d ms of flood", FLOOD_MS).hasSize(1);
            started = starts.getFirst();
            Http.await(runtime.port(), "/api/v1/events?kind=attack_updated&limit=1", ADMIN, Duration.ofSeconds(5),
                    a -> a.status() == 200 && a.body().contains("current_pps"));
            long lastSentMs = sentMs.getLast();
            updated = events(runtime.port(), "attack_updated").stream() // newest first; one sent while the flood still ran
                    .filter(e -> Instant.parse(e.get("ts").asText()).toEpochMilli() <= lastSentMs).findFirst().orElseThrow();
        }
        long firstMs = sentMs.getFirst();
        long detectedMs = Instant.parse(started.get("ts").asText()).toEpochMilli();
        JsonNode detail = started.get("detail");
        System.out.printf("sFlow 1:%d flood: detected %d ms, event seen in the API %d ms after the first datagram; %s%n", RATE,
                detectedMs - firstMs, seenMs.get() - firstMs, detail);
        assertThat(detectedMs - firstMs).as("detection after the first flood datagram (ms)").isBetween(0L, DEADLINE_MS);
        assertThat(seenMs.get() - firstMs).as("attack_started seen after the first flood datagram (ms)").isBetween(0L, DEADLINE_MS);
        assertThat(detail.get("kind").asText()).isEqualTo("udp_flood");
        // The start's count is the sampled packets × N: a multiple of N, never beyond what was sent × N.
        Matcher counted = Pattern.compile("(\\d+) of (\\d+) packets in the last second").matcher(detail.get("reason").asText());
        assertThat(counted.find()).as(detail.get("reason").asText()).isTrue();
        long udpPackets = Long.parseLong(counted.group(1));
        assertThat(udpPackets % RATE).isZero();
        assertThat(udpPackets).isBetween((long) RATE, (long) sentMs.size() * SAMPLES_PER_DATAGRAM * RATE);

        // A full second into the attack, its rate is the sampled rate × N (500 samples/s × 100 = 50,000 pps; unscaled it
        // would be 500). Sending is paced by sleeps on a shared machine, so the bound is the sender's own mean rate and
        // its busiest second, each with 25 % for receive-time jitter.
        double pps = updated.get("detail").get("current_pps").asDouble();
        System.out.printf("attack_updated: current_pps %.0f; sender's mean %.0f pps, busiest second %.0f pps%n", pps, mean(sentMs),
                busiest(sentMs));
        assertThat(pps).isBetween(mean(sentMs) * 0.75, busiest(sentMs) * 1.25);
    }

    /** The sender's scaled rate over its whole run. */
    private static double mean(List<Long> sentMs) {
        long span = Math.max(1, sentMs.getLast() + DATAGRAM_EVERY_MS - sentMs.getFirst());
        return sentMs.size() * (double) SAMPLES_PER_DATAGRAM * RATE * 1_000 / span;
    }

    /** The sender's scaled rate over its busiest second (sliding). */
    private static double busiest(List<Long> sentMs) {
        int most = 0;
        for (int i = 0, j = 0; i < sentMs.size(); i++) {
            while (sentMs.get(i) - sentMs.get(j) >= 1_000) j++;
            most = Math.max(most, i - j + 1);
        }
        return most * (double) SAMPLES_PER_DATAGRAM * RATE;
    }

    private static List<JsonNode> events(int apiPort, String kind) throws Exception {
        Http.Answer a = Http.get(apiPort, "/api/v1/events?kind=" + kind + "&limit=10", ADMIN);
        assertThat(a.status()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(a.body()).get("events").forEach(out::add);
        return out;
    }

    /** One sFlow datagram of {@link #SAMPLES_PER_DATAGRAM} sampled UDP flood headers from spoofed sources. */
    private static byte[] datagram(int seq) {
        FlowExports.Sflow s = FlowExports.sflow("192.0.2.10", 0);
        for (int k = 0; k < SAMPLES_PER_DATAGRAM; k++) {
            int n = seq * SAMPLES_PER_DATAGRAM + k;
            String src = "203.0." + (n >> 8 & 0xff) + "." + (n & 0xff);
            byte[] frame = Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4(src, "10.0.0.1")
                    .packet(Frames.UDP, Frames.udp(1_024 + n % 50_000, 27_015, new byte[64])));
            s.flowSample(RATE, 3, 4, frame, frame.length + 4, 0);
        }
        return s.toByteArray();
    }
}
