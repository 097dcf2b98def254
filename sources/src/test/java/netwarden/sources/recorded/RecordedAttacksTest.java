package netwarden.sources.recorded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import netwarden.engine.EngineConfig;
import netwarden.engine.detect.DetectionConfig;
import netwarden.engine.detect.Metric;
import netwarden.engine.detect.ScopeRules;
import netwarden.model.AttackKind;
import netwarden.model.ScopeKind;
import netwarden.model.Event;
import netwarden.model.Incident;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every attack capture in ../shared is detected and classified right — with the default
 * configuration where the attack is unmistakable — and every other capture raises nothing.
 */
class RecordedAttacksTest {
    /** Captures whose attacks are too small or too spread for a game host's defaults. */
    static final EngineConfig SWEEP_TEST_CONFIG = EngineConfig.defaults().withDetection(DetectionConfig.defaults().withRules(
            ScopeRules.serviceDefaults(), ScopeRules.hostDefaults(), new ScopeRules(true, Map.of(Metric.ICMP, 100.0, Metric.UDP, 50.0))));

    static final Set<String> ATTACKS = Set.of("stopddos-pkt.TCP.synflood.spoofed.pcap", "stopddos-amp.UDP.snmp.src161.pcapng",
            "game-openarena-2players-memcached.pcapng", "ndpi-ip_fragmented_garbage.pcap", "stopddos-amp.dns.RRSIG.fragmented.pcap",
            "pcaphunt-hs-icmpScan.pcap", "zeek-dhcp_flood.pcap");

    static List<Incident> incidents(String file, EngineConfig cfg) throws Exception {
        return RecordedCaptures.replay(RecordedCaptures.capture(file), cfg).engine().snapshot().incidents();
    }

    @Test
    void spoofedSynFloodOnMinecraft() throws Exception {
        var found = incidents("stopddos-pkt.TCP.synflood.spoofed.pcap", EngineConfig.defaults());
        assertThat(found).hasSize(1);
        Incident i = found.getFirst();
        assertThat(i.kind()).isEqualTo(AttackKind.TCP_SYN_FLOOD);
        // The capture holds only the SYNs (the port never answers SYN-ACK, nobody sends data): no service is
        // discovered from them, the attack is the host's.
        assertThat(i.scope()).isEqualTo(ScopeKind.HOST);
        assertThat(i.target()).isEqualTo("10.10.10.10");
        assertThat(i.multiSource()).isTrue();
        assertThat(i.spoofingSuspected()).isTrue();
        assertThat(i.reason()).contains("SYN without ACK").contains("spoofing suspected");
        assertThat(i.packets()).isGreaterThan(35_000).isLessThanOrEqualTo(37_841);
        assertThat(i.peakPps()).isGreaterThan(20_000);
        assertThat(i.endNanos()).isGreaterThan(i.startNanos());
    }

    @Test
    void snmpReflectionToRandomPortsIsOneHostAttackAndNoService() throws Exception {
        var run = RecordedCaptures.replay(RecordedCaptures.capture("stopddos-amp.UDP.snmp.src161.pcapng"), EngineConfig.defaults());
        assertThat(run.events()).noneMatch(e -> e instanceof Event.ServiceDiscovered);
        var found = run.engine().snapshot().incidents();
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().scope()).isEqualTo(ScopeKind.HOST);
        // tshark: 4079 frames from UDP source port 161 (the rest are ICMP errors quoting them); 4108 in 23.5 ms
        assertThat(found.getFirst().packets()).isEqualTo(4079);
        assertThat(found.getFirst().topSourcePorts()).extracting(p -> p.port()).containsExactly(161);
        // the whole attack lasts 23.5 ms: rated over that span (≈ 174 kpps), not over a padded second
        assertThat(found.getFirst().peakPps()).isBetween(150_000L, 180_000L);
        assertThat(found).allSatisfy(i -> {
            assertThat(i.kind()).isEqualTo(AttackKind.REFLECTION_SNMP);
            assertThat(i.reason()).contains("UDP source port 161");
            assertThat(i.spoofingSuspected()).isFalse();
            // The whole attack lasts 23 ms, less than its detection: the sample holds frames from its onset.
            assertThat(i.sample()).isNotEmpty();
            assertThat(i.sample().getFirst().linkType()).isEqualTo(1);
        });
    }

    @Test
    void memcachedReflectionOnTheGamePortKeepsBothPlayers() throws Exception {
        var run = RecordedCaptures.replay(RecordedCaptures.capture("game-openarena-2players-memcached.pcapng"), EngineConfig.defaults());
        var found = run.engine().snapshot().incidents();
        assertThat(found).hasSize(1);
        Incident i = found.getFirst();
        assertThat(i.kind()).isEqualTo(AttackKind.REFLECTION_MEMCACHED);
        assertThat(i.service()).isEqualTo("10.201.0.1-udp-27960");
        assertThat(i.topSourcePorts()).extracting(p -> p.port()).containsExactly(11211);
        // The vector's packets exactly: tshark counts 2200 frames from UDP port 11211 to 10.201.0.1.
        assertThat(i.packets()).isEqualTo(2200);
        // One rate definition: tshark's busiest 0.3 s window of the vector holds 220 frames (733 pps;
        // -Y "ip.dst==10.201.0.1 && udp.srcport==11211" -T fields -e frame.time_epoch, sliding window).
        // The replies come as one 220-datagram burst a second, so any shorter window would read up to 10× more.
        assertThat(i.peakPps()).isBetween(697L, 733L);
        assertThat(run.events()).filteredOn(e -> e instanceof Event.AttackStarted)
                .allSatisfy(e -> assertThat(((Event.AttackStarted) e).incident().currentPps()).isBetween(697L, 733L));
        assertThat(i.topSources()).allSatisfy(s -> assertThat(s.address().toString()).startsWith("10.201.3."));
        assertThat(run.engine().snapshot().service("10.201.0.1-udp-27960").playersNow()).isEqualTo(2);
    }

    @Test
    void fragmentGarbageFromOneSource() throws Exception {
        var found = incidents("ndpi-ip_fragmented_garbage.pcap", EngineConfig.defaults());
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().kind()).isEqualTo(AttackKind.IP_FRAGMENT_FLOOD);
        assertThat(found.getFirst().multiSource()).isFalse();
        assertThat(found.getFirst().target()).isEqualTo("10.128.0.2");
    }

    @Test
    void fragmentedDnsRrsigReflection() throws Exception {
        var run = RecordedCaptures.replay(RecordedCaptures.capture("stopddos-amp.dns.RRSIG.fragmented.pcap"), EngineConfig.defaults());
        var found = run.engine().snapshot().incidents();
        assertThat(found).extracting(Incident::kind).containsExactly(AttackKind.REFLECTION_DNS);
        Incident i = found.getFirst();
        assertThat(i.reason()).contains("UDP source port 53").contains("fragments");
        // Attribution by vector. tshark (-Y "ip.dst==10.10.10.10 && ip.proto==17"): 95.214.104.15 sent 164 answers
        // of three fragments each, the most; 24.132.150.54 sent 1,947 TCP segments from port 61940, no DNS.
        assertThat(i.topSources().getFirst().address().toString()).isEqualTo("95.214.104.15");
        assertThat(i.topSources().getFirst().packets()).isEqualTo(492);
        assertThat(i.topSources()).noneMatch(s -> s.address().toString().equals("24.132.150.54"));
        assertThat(i.topSourcePorts()).extracting(p -> p.port()).containsExactly(53);
        assertThat(i.otherSources().getFirst().address().toString()).isEqualTo("24.132.150.54");
        assertThat(i.otherPackets()).isGreaterThan(1_900);
        // Scanned TCP ports and UDP answers to random ports are no services.
        assertThat(run.events()).noneMatch(e -> e instanceof Event.ServiceDiscovered);
    }

    @Test
    void icmpSweepWithTheNetworkScopeTestConfig() throws Exception {
        assertThat(incidents("pcaphunt-hs-icmpScan.pcap", EngineConfig.defaults())).as("a 230 pps sweep is below the defaults").isEmpty();
        var found = incidents("pcaphunt-hs-icmpScan.pcap", SWEEP_TEST_CONFIG);
        assertThat(found).extracting(Incident::kind).containsExactly(AttackKind.ICMP_FLOOD);
        assertThat(found.getFirst().scope()).isEqualTo(ScopeKind.NETWORK);
    }

    @Test
    void dhcpBurstWithTheNetworkScopeTestConfig() throws Exception {
        assertThat(incidents("zeek-dhcp_flood.pcap", EngineConfig.defaults())).isEmpty();
        var found = incidents("zeek-dhcp_flood.pcap", SWEEP_TEST_CONFIG);
        assertThat(found).extracting(Incident::kind).containsExactly(AttackKind.UDP_FLOOD);
        assertThat(found.getFirst().multiSource()).isTrue();
    }

    @TestFactory
    Stream<DynamicTest> everyOtherCaptureRaisesNothing() throws Exception {
        List<Path> files;
        try (var list = Files.list(RecordedCaptures.dir())) {
            files = list.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .filter(p -> !ATTACKS.contains(p.getFileName().toString())).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () ->
                assertThat(RecordedCaptures.replay(f, EngineConfig.defaults()).engine().snapshot().incidents()).isEmpty()));
    }
}
