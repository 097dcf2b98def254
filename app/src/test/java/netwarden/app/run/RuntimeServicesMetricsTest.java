package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.model.EventListener;
import netwarden.model.Ip;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSpec;
import netwarden.sinks.metrics.MetricsExposition;
import netwarden.sinks.metrics.NetwardenMetrics;
import netwarden.testkit.Packets;
import org.junit.jupiter.api.Test;

/** Services changed on a running engine show in /metrics from the next published snapshot; a removed one's series go. */
class RuntimeServicesMetricsTest {
    static final long T0 = 1_800_000_000_000_000_000L;
    static final long S = 1_000_000_000L;
    static final Ip SERVER = Ip.parse("192.0.2.1");

    static void packet(Engine e, long ts, int proto, int port) {
        e.onPacket(Packets.of(proto, "198.51.100.9", 40000, SERVER.toString(), port, 100, ts));
    }

    static String scrape(PrometheusRegistry registry) {
        return new String(new MetricsExposition(registry).scrape(null).body(), StandardCharsets.UTF_8);
    }

    @Test
    void addRenameAndRemoveReachTheMetrics() {
        var d = EngineConfig.defaults();
        var arena = new ServiceSpec("arena", new ServiceKey(SERVER, Proto.UDP, 27960), null);
        Engine engine = new Engine(new EngineConfig(List.of(arena), d.discovery(), d.players(), d.windows(), d.flowCapacity()),
                EventListener.NONE, true);
        var registry = new PrometheusRegistry();
        NetwardenMetrics.register(registry, engine.published(), false);

        packet(engine, T0, Proto.UDP, 27960);
        engine.addService(new ServiceSpec("blocks", new ServiceKey(SERVER, Proto.TCP, 25565), null));
        engine.advanceTo(T0 + S);
        packet(engine, T0 + S, Proto.TCP, 25565);
        engine.advanceTo(T0 + 2 * S);
        assertThat(scrape(registry)).contains("netwarden_service_packets_total{port=\"27960\",proto=\"udp\",service=\"arena\"} 1.0")
                .contains("netwarden_service_packets_total{port=\"25565\",proto=\"tcp\",service=\"blocks\"} 1.0");

        engine.renameService("blocks", "blocks-eu");
        engine.removeService("arena");
        assertThat(scrape(registry)).as("nothing changes before the second closes").contains("service=\"arena\"");
        engine.advanceTo(T0 + 3 * S);
        String text = scrape(registry);
        assertThat(text).doesNotContain("service=\"arena\"").doesNotContain("service=\"blocks\"")
                .contains("netwarden_service_packets_total{port=\"25565\",proto=\"tcp\",service=\"blocks-eu\"} 1.0");
    }
}
