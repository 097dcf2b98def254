package netwarden.sources.docker;

import netwarden.testkit.DockerStandIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery against the Engine API stand-in on a unix socket in a temp dir. */
class DockerDiscoveryTest {
    record Seen(String kind, ContainerService service, String reason, long monotonic) {}

    @TempDir Path dir;
    final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    final List<Seen> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    DockerStandIn daemon;
    DockerDiscovery discovery;

    final DockerListener listener = new DockerListener() {
        @Override public void added(ContainerService s) { record(new Seen("added", s, null, System.nanoTime())); }
        @Override public void removed(ContainerService s, String r) { record(new Seen("removed", s, r, System.nanoTime())); }
        @Override public void connection(boolean up, String v) { record(new Seen(up ? "connected" : "disconnected", null, v, System.nanoTime())); }

        private void record(Seen s) {
            seen.add(s);
            all.add(s);
        }
    };

    static final DockerStandIn.Box CS2 = new DockerStandIn.Box("a1b2c3d4e5f6a7b8c9d0", "cs2", "cs2-host", Map.of("game", "cs2"),
            List.of("PATH=/usr/bin"), Map.of("27015/udp", "27015", "27015/tcp", "27015", "80/tcp", ""));
    static final DockerStandIn.Box OA = new DockerStandIn.Box("f00dfeedbeef00112233", "openarena", "oa", Map.of("game", "oa"),
            List.of("GAME_PORT=27960", "HOME=/home/oa"), Map.of());
    static final DockerStandIn.Box WEB = new DockerStandIn.Box("0123456789abcdef0123", "web", "web", Map.of(),
            List.of(), Map.of("80/tcp", "8080"));

    DockerDiscovery discovery(DockerConfig c) {
        discovery = new DockerDiscovery(c, listener);
        return discovery;
    }

    DockerConfig config() {
        return DockerConfig.defaults().withSocket(dir.resolve("docker.sock")).withLabels(List.of("game"))
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(400));
    }

    @AfterEach
    void stop() throws Exception {
        if (discovery != null) discovery.close();
        if (daemon != null) daemon.close();
    }

    Seen next(String kind) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (long left; (left = end - System.nanoTime()) > 0; ) {
            Seen s = seen.poll(left, TimeUnit.NANOSECONDS);
            if (s != null && s.kind().equals(kind)) return s;
        }
        throw new AssertionError("no " + kind + " within 10 s");
    }

    static void await(BooleanSupplier b, String what) throws InterruptedException {
        for (int i = 0; i < 200 && !b.getAsBoolean(); i++) Thread.sleep(25);
        assertThat(b.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void containersStartingStoppingAndRestarting() throws Exception {
        daemon = new DockerStandIn(dir.resolve("docker.sock"));
        daemon.up();
        daemon.running.put(CS2.id(), CS2);
        daemon.running.put(WEB.id(), WEB); // no "game" label: not a service
        discovery(config()).start();
        assertThat(List.of(next("added").service(), next("added").service()))
                .extracting(ContainerService::id, ContainerService::protocol, ContainerService::port, ContainerService::portSource)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("cs2-udp-27015", "udp", 27015, "published"),
                        org.assertj.core.groups.Tuple.tuple("cs2-tcp-27015", "tcp", 27015, "published"));
        assertThat(next("connected").reason()).isEqualTo("1.45");
        await(daemon::hasSubscriber, "event stream open");
        assertThat(daemon.requests).anyMatch(r -> r.startsWith("/v1.45/events?filters="))
                .anyMatch(r -> r.startsWith("/v1.45/containers/json?filters="));

        long t0 = System.nanoTime();
        daemon.start(OA);
        Seen oa = next("added");
        assertThat(oa.monotonic() - t0).as("appears within 2 s").isLessThan(TimeUnit.SECONDS.toNanos(2));
        assertThat(oa.service()).isEqualTo(new ContainerService("openarena", "openarena", OA.id(), "openarena", "udp", 27960, "env:GAME_PORT"));

        t0 = System.nanoTime();
        daemon.stop(OA.id());
        Seen gone = next("removed");
        assertThat(gone.monotonic() - t0).as("goes within 2 s").isLessThan(TimeUnit.SECONDS.toNanos(2));
        assertThat(gone.service().id()).isEqualTo("openarena");
        assertThat(gone.reason()).isEqualTo("die");

        daemon.stop(CS2.id()); // a restart: die, then start again
        daemon.start(CS2);
        assertThat(List.of(next("removed"), next("removed"), next("added"), next("added")))
                .extracting(Seen::kind).containsExactly("removed", "removed", "added", "added");
        await(() -> discovery.services().size() == 2, "cs2's two services known again");
        assertThat(discovery.counters().events()).containsEntry("start", 2L).containsEntry("die", 2L);
        assertThat(discovery.counters().reconnects()).isZero();
    }

    @Test
    void survivesTheDaemonRestarting() throws Exception {
        daemon = new DockerStandIn(dir.resolve("docker.sock"));
        daemon.up();
        daemon.running.put(CS2.id(), CS2);
        discovery(config()).start();
        next("added");
        next("added");
        next("connected");

        daemon.down();
        next("disconnected");
        daemon.running.remove(CS2.id()); // stopped while the daemon was away
        daemon.running.put(OA.id(), OA); // and another started
        Thread.sleep(300); // a few failed attempts while the socket is gone
        daemon.up();
        next("connected");
        await(() -> discovery.services().size() == 1, "resynced after reconnect");
        assertThat(discovery.services()).extracting(ContainerService::id).containsExactly("openarena");
        assertThat(discovery.counters().reconnects()).isGreaterThanOrEqualTo(1);
        assertThat(discovery.counters().connects()).isEqualTo(2);
        assertThat(all).filteredOn(e -> e.kind().equals("removed")).extracting(e -> e.service().id(), Seen::reason)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("cs2-udp-27015", "resync"),
                        org.assertj.core.groups.Tuple.tuple("cs2-tcp-27015", "resync"));

        daemon.start(CS2); // and events flow on the new stream
        await(() -> discovery.services().size() == 3, "event after reconnect");
    }

    @Test
    void aMissingSocketIsRetriedQuietlyUntilTheDaemonAppears() throws Exception {
        discovery(config()).start();
        await(() -> discovery.counters().connectFailures() >= 3, "keeps retrying");
        assertThat(discovery.services()).isEmpty();
        assertThat(discovery.counters().isConnected()).isFalse();

        daemon = new DockerStandIn(dir.resolve("docker.sock"));
        daemon.running.put(OA.id(), OA);
        daemon.up();
        assertThat(next("added").service().id()).isEqualTo("openarena");
        next("connected"); // reported once the first list is settled
        assertThat(discovery.counters().isConnected()).isTrue();
    }

    @Test
    void plainLengthBodiesAndAnOldApiVersion() throws Exception {
        daemon = new DockerStandIn(dir.resolve("docker.sock"));
        daemon.chunkedLists = false;
        daemon.apiVersion = "1.41";
        daemon.up();
        daemon.running.put(OA.id(), OA);
        discovery(config()).start();
        assertThat(next("added").service().port()).isEqualTo(27960);
        assertThat(daemon.requests).anyMatch(r -> r.startsWith("/v1.41/containers/"));
    }
}
