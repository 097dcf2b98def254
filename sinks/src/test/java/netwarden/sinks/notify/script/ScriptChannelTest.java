package netwarden.sinks.notify.script;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.core.metrics.Counter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import netwarden.model.Clock;
import netwarden.model.Severity;
import netwarden.wire.AddressFormat;
import netwarden.sinks.notify.NotifyFixtures;
import netwarden.sinks.notify.channel.Channel;
import netwarden.sinks.notify.config.DeliveryConfig;
import netwarden.sinks.notify.config.ScriptConfig;
import netwarden.sinks.notify.config.Secret;
import netwarden.sinks.notify.render.EventJson;
import netwarden.sinks.notify.render.NoticeViews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real bash script as the hook. */
class ScriptChannelTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private final Counter exits = Counter.builder().name("test_script_exit_total").labelNames("channel", "code").build();

    private Path script(String body) throws IOException {
        Path s = dir.resolve("hook.sh");
        Files.writeString(s, "#!/bin/bash\n" + body);
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }

    private Channel channel(Path script, Duration timeout, int attempts, Map<String, Secret> env) {
        ScriptConfig c = new ScriptConfig("mitigate", List.of(script.toString(), "--flag", "value with spaces"), env, 1024,
                DeliveryConfig.defaults().withTimeout(timeout).withMaxAttempts(attempts), false);
        return new Channel(c.name(), c.type(), new ScriptSender(c, new EventJson(new NoticeViews(AddressFormat.fullAddresses(), true)), exits),
                c.delivery(), d -> { }, Clock.SYSTEM, new SplittableRandom(1));
    }

    @Test
    void theEventArrivesAsJsonOnStdinAndAsEnvironmentVariables() throws Exception {
        Path out = dir.resolve("out");
        Path s = script("cat > " + out + ".json\nprintf '%s\\n' \"$@\" > " + out + ".args\n"
                + "env | grep -E '^(NETWARDEN_|BGP_TOKEN)' | sort > " + out + ".env\necho 'added firewall rule'\necho 'warning' >&2\nexit 0\n");
        Channel c = channel(s, Duration.ofSeconds(10), 1, Map.of("BGP_TOKEN", new Secret("t0k3n")));
        Channel.Result r = c.deliverNow(NotifyFixtures.notice(NotifyFixtures.attack("q3", Severity.CRITICAL, NotifyFixtures.T0)));
        assertThat(r.sent()).isTrue();
        JsonNode json = MAPPER.readTree(Files.readString(dir.resolve("out.json")));
        assertThat(json.path("kind").asText()).isEqualTo("attack_started");
        assertThat(json.path("incident").path("top_sources").get(0).path("address").asText()).isEqualTo("198.51.100.7");
        assertThat(Files.readAllLines(dir.resolve("out.args"))).containsExactly("--flag", "value with spaces");
        List<String> env = Files.readAllLines(dir.resolve("out.env"));
        assertThat(env).contains("NETWARDEN_EVENT_KIND=attack_started", "NETWARDEN_SERVICE=q3", "NETWARDEN_NOTICE=event",
                "NETWARDEN_SEVERITY=critical", "NETWARDEN_ATTACK_KIND=udp_flood", "NETWARDEN_PPS=1250000",
                "NETWARDEN_SOURCES=198.51.100.7", "BGP_TOKEN=t0k3n");
        assertThat(exits.labelValues("mitigate", "0").get()).isEqualTo(1.0);
    }

    @Test
    void aHangingScriptIsKilledWithItsChildrenAtTheTimeout() throws Exception {
        Path pid = dir.resolve("child.pid");
        Path s = script("sleep 60 &\necho $! > " + pid + "\nsleep 60\n");
        Channel c = channel(s, Duration.ofMillis(500), 3, Map.of());
        long t0 = System.nanoTime();
        Channel.Result r = c.deliverNow(NotifyFixtures.notice(NotifyFixtures.joined("q3", "203.0.113.5", NotifyFixtures.T0)));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
        assertThat(r.sent()).isFalse();
        assertThat(r.attempts()).isEqualTo(1); // a timeout is not retried: the script may have acted
        assertThat(r.error()).contains("timed out");
        long child = Long.parseLong(Files.readString(pid).strip());
        assertThat(running(child)).as("child process killed").isFalse();
        assertThat(exits.labelValues("mitigate", "timeout").get()).isEqualTo(1.0);
    }

    /** Alive and not a zombie (a killed orphan stays a zombie until the init process reaps it). */
    private static boolean running(long pid) throws Exception {
        for (int i = 0; i < 40; i++) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!Files.exists(stat)) return false;
            String s = Files.readString(stat);
            if (s.substring(s.lastIndexOf(')') + 2).startsWith("Z")) return false;
            Thread.sleep(50);
        }
        return true;
    }

    @Test
    void exit75IsRetriedAndOtherFailuresAreCounted() throws Exception {
        Path count = dir.resolve("count");
        Path s = script("n=$(cat " + count + " 2>/dev/null || echo 0); n=$((n+1)); echo $n > " + count + "\n"
                + "[ $n -lt 3 ] && exit 75\nexit 3\n");
        Channel c = channel(s, Duration.ofSeconds(10), 5, Map.of());
        Channel.Result r = c.deliverNow(NotifyFixtures.notice(NotifyFixtures.left("q3", "203.0.113.5", NotifyFixtures.T0)));
        assertThat(r.sent()).isFalse();
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(r.error()).contains("exited with 3");
        assertThat(exits.labelValues("mitigate", "75").get()).isEqualTo(2.0);
        assertThat(exits.labelValues("mitigate", "3").get()).isEqualTo(1.0);
    }

    @Test
    void aMissingProgramFailsClearly() {
        Channel c = channel(dir.resolve("absent.sh"), Duration.ofSeconds(1), 3, Map.of());
        Channel.Result r = c.deliverNow(NotifyFixtures.notice(NotifyFixtures.left("q3", "203.0.113.5", NotifyFixtures.T0)));
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.error()).contains("cannot start").contains("absent.sh");
    }
}
