package netwarden.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import netwarden.app.CliContext;
import netwarden.app.GameCapture;
import netwarden.app.Main;
import netwarden.app.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent and server command lines: what they refuse before anything starts, and the agents file commands. */
class FleetCliTest {
    @TempDir
    Path dir;

    record Out(int code, String out, String err) {}

    private Out run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new CliContext(env), new PrintWriter(out), new PrintWriter(err), args);
        return new Out(code, out.toString(), err.toString());
    }

    private String pcap() throws Exception {
        return Files.write(dir.resolve("game.pcap"), new GameCapture().bytes).toString();
    }

    @Test
    void anAgentNeedsAToken() throws Exception {
        Out o = run(Map.of("XDG_CACHE_HOME", dir.toString()), "agent", "--server", "http://127.0.0.1:9430", "--agent-id", "host-1",
                "--pcap", pcap(), "--listen", "127.0.0.1:0", "--config", Files.writeString(dir.resolve("c.yaml"), "state: {dir: " + dir.resolve("s") + "}").toString());
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains("an agent token is needed", "NETWARDEN_AGENT_TOKEN");
    }

    @Test
    void plainHttpOnlyToLoopbackAndAgentIdsAreChecked() throws Exception {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.toString(), AgentSettings.TOKEN_ENV, "a-token-of-at-least-16-chars");
        String config = Files.writeString(dir.resolve("c.yaml"), "state: {dir: " + dir.resolve("s") + "}").toString();
        Out far = run(env, "agent", "--server", "http://192.0.2.1:9430", "--agent-id", "host-1", "--pcap", pcap(), "--config", config);
        assertThat(far.code()).isEqualTo(2);
        assertThat(far.err()).contains("https:// unless it is on loopback");
        Out badId = run(env, "agent", "--server", "https://192.0.2.1:9430", "--agent-id", "host 1", "--pcap", pcap(), "--config", config);
        assertThat(badId.code()).isEqualTo(2);
        assertThat(badId.err()).contains("--agent-id");
    }

    @Test
    void spoolSizes() {
        assertThat(AgentCommand.size("512k")).isEqualTo(512 << 10);
        assertThat(AgentCommand.size("256M")).isEqualTo(256L << 20);
        assertThat(AgentCommand.size("2g")).isEqualTo(2L << 30);
        assertThatThrownBy(() -> AgentCommand.size("10k")).isInstanceOf(UsageException.class).hasMessageContaining("64k");
        assertThatThrownBy(() -> AgentCommand.size("lots")).isInstanceOf(UsageException.class);
    }

    @Test
    void addAgentPrintsATokenOnceAndKeepsOnlyItsHashRevokeAgentMarksIt() throws Exception {
        Out added = run(Map.of(), "server", "add-agent", "host-1", "--state-dir", dir.toString());
        assertThat(added.code()).as(added.err()).isZero();
        String token = added.out().strip();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(Files.readString(dir.resolve("agents"))).doesNotContain(token).contains("host-1 ");
        assertThat(run(Map.of(), "server", "revoke-agent", "host-1", "--state-dir", dir.toString()).code()).isZero();
        assertThat(AgentsFile.read(dir.resolve("agents")).revoked()).containsExactly("host-1");
        Out unknown = run(Map.of(), "server", "revoke-agent", "host-9", "--state-dir", dir.toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no such agent: host-9");
        Files.writeString(dir.resolve("agents"), "host-1 nothex\n");
        assertThatThrownBy(() -> AgentsFile.read(dir.resolve("agents"))).hasMessageContaining("agents:1:");
    }

    @Test
    void fleetRulesFireOnceAtTheThresholdWithinTheWindow() {
        FleetRules rules = new FleetRules(3, 60_000, 10);
        assertThat(rules.attackSource("192.0.2.7", "a", 0)).isNull();
        assertThat(rules.attackSource("192.0.2.7", "a", 1)).isNull(); // the same host again
        assertThat(rules.attackSource("192.0.2.7", "b", 2)).isNull();
        FleetRules.Finding f = rules.attackSource("192.0.2.7", "c", 3);
        assertThat(f).isEqualTo(new FleetRules.Finding(FleetRules.SOURCE_MULTI_HOST, "192.0.2.7", java.util.List.of("a", "b", "c")));
        assertThat(rules.attackSource("192.0.2.7", "d", 4)).as("once per window").isNull();
        assertThat(rules.player("198.51.100.1", "a", "s1", 0)).isNull();
        assertThat(rules.player("198.51.100.1", "a", "s2", 1)).isNull();
        assertThat(rules.player("198.51.100.1", "b", "s1", 100_000)).as("the first two left the window").isNull();
        assertThatThrownBy(() -> new FleetRules(1, 1, 1)).hasMessageContaining("at least 2");
    }
}
