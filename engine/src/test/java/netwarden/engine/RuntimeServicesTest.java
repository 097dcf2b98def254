package netwarden.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import netwarden.model.EngineSnapshot;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.model.Proto;
import netwarden.model.ServiceKey;
import netwarden.model.ServiceSnapshot;
import netwarden.model.ServiceSpec;
import org.junit.jupiter.api.Test;

/** Services added, renamed and removed on a running engine: applied when a second closes, snapshots whole. */
class RuntimeServicesTest {
    static final String SERVER = "192.0.2.1";
    static final ServiceKey ARENA = new ServiceKey(Ip.parse(SERVER), Proto.UDP, 27960);
    static final ServiceKey BLOCKS = new ServiceKey(Ip.parse(SERVER), Proto.TCP, 25565);
    final EventLog log = new EventLog();

    Engine engine(List<ServiceSpec> services) {
        var d = EngineConfig.defaults();
        return new Engine(new EngineConfig(services, d.discovery(), d.players(), d.windows(), d.flowCapacity(),
                DetectionTest.ppsOnly(2000)), log, true);
    }

    static List<String> ids(EngineSnapshot s) {
        return s.services().stream().map(ServiceSnapshot::id).toList();
    }

    static ServiceSnapshot service(Engine e, String id) {
        return e.published().get().services().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    static Throwable failure(CompletableFuture<Void> f) {
        try {
            f.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAddedServiceAppearsWhenTheSecondClosesAndCountsFromThen() {
        Engine e = engine(List.of(new ServiceSpec("arena", ARENA, null)));
        Traffic t = new Traffic(e);
        t.tcp(0.5, "198.51.100.1", 50000, SERVER, 25565, 0x18, 100); // before the add: no such service
        t.flush();
        var added = e.addService(new ServiceSpec("blocks", BLOCKS, "mc.example.org"));
        assertThat(added).isNotDone(); // queued until the open second closes
        t.tcp(0.7, "198.51.100.1", 50000, SERVER, 25565, 0x18, 100); // still the second before the change
        t.tcp(1.5, "198.51.100.1", 50000, SERVER, 25565, 0x18, 100);
        t.flush();
        assertThat(added).isCompleted();
        e.advanceTo(Traffic.at(2));
        assertThat(ids(e.published().get())).containsExactly("arena", "blocks");
        ServiceSnapshot blocks = service(e, "blocks");
        assertThat(blocks.packetsIn()).isEqualTo(1);
        assertThat(blocks.connect()).isEqualTo("mc.example.org");
        assertThat(blocks.discovered()).isFalse();
    }

    @Test
    void aRenamedServiceKeepsItsCountsAndTheOldNameIsGone() {
        Engine e = engine(List.of(new ServiceSpec("arena", ARENA, null)));
        Traffic t = new Traffic(e);
        t.play("198.51.100.1", 40000, SERVER, 27960, 0, 20, 20, true);
        t.flush();
        assertThat(e.snapshot().players()).extracting(p -> p.service()).containsOnly("arena");
        long before = e.snapshot().services().getFirst().packetsIn();
        var renamed = e.renameService("arena", "arena-eu");
        e.advanceTo(Traffic.at(21));
        assertThat(failure(renamed)).isNull();
        assertThat(ids(e.published().get())).containsExactly("arena-eu");
        assertThat(service(e, "arena-eu").packetsIn()).isEqualTo(before).isPositive();
        assertThat(e.published().get().players()).extracting(p -> p.service()).containsOnly("arena-eu");
    }

    @Test
    void aRemovedServiceLeavesEverySnapshotWithItsFlows() {
        Engine e = engine(List.of(new ServiceSpec("arena", ARENA, null), new ServiceSpec("blocks", BLOCKS, null)));
        Traffic t = new Traffic(e);
        t.play("198.51.100.1", 40000, SERVER, 27960, 0, 3, 20, true);
        t.tcp(0.5, "198.51.100.2", 50000, SERVER, 25565, 0x18, 100);
        t.flush();
        assertThat(e.snapshot().counters().flowTableSize()).isEqualTo(2);
        var removed = e.removeService("arena");
        t.udp(3.5, "198.51.100.1", 40000, SERVER, 27960, 80); // after the change: to no service
        t.flush();
        e.advanceTo(Traffic.at(5));
        assertThat(failure(removed)).isNull();
        assertThat(ids(e.published().get())).containsExactly("blocks");
        assertThat(e.published().get().players()).noneMatch(p -> p.service().equals("arena"));
        assertThat(e.snapshot().counters().flowTableSize()).isEqualTo(1); // blocks' flow only
        assertThat(e.baselines().keySet()).noneMatch(k -> k.contains(":arena:"));
    }

    @Test
    void aServiceRemovedUnderAttackEndsItsIncident() {
        Engine e = engine(List.of(new ServiceSpec("game", new ServiceKey(Ip.parse(SERVER), Proto.UDP, 27015), null)));
        Traffic t = new Traffic(e);
        DetectionTest.flood(t, 0, 3, 10_000);
        t.flush();
        assertThat(log.of(Event.AttackStarted.class)).hasSize(1);
        e.removeService("game");
        e.advanceTo(Traffic.at(4));
        assertThat(log.of(Event.AttackEnded.class)).hasSize(1);
        assertThat(e.published().get().activeIncidents()).isEmpty();
    }

    @Test
    void aCandidateOrDiscoveredEndpointBecomesTheAddedServiceWithItsCounts() {
        Engine e = engine(List.of());
        Traffic t = new Traffic(e);
        t.udp(0.1, "198.51.100.1", 5000, SERVER, 27960, 100);
        t.udp(0.2, "198.51.100.2", 5000, SERVER, 27960, 100);
        t.flush();
        e.addService(new ServiceSpec("arena", ARENA, null));
        e.advanceTo(Traffic.at(2));
        assertThat(ids(e.published().get())).containsExactly("arena");
        assertThat(service(e, "arena").packetsIn()).isEqualTo(2);
    }

    @Test
    void changesThatCannotBeMadeFailTheirFutureAndTheRestGoOn() {
        Engine e = engine(List.of(new ServiceSpec("arena", ARENA, null)));
        e.advanceTo(Traffic.at(0));
        var sameName = e.addService(new ServiceSpec("arena", BLOCKS, null));
        var sameKey = e.addService(new ServiceSpec("arena2", ARENA, null));
        var unknown = e.removeService("nope");
        var badName = e.renameService("arena", "bad name");
        var fine = e.addService(new ServiceSpec("blocks", BLOCKS, null));
        e.advanceTo(Traffic.at(1));
        assertThat(failure(sameName)).hasMessage("a service is already named arena");
        assertThat(failure(sameKey)).hasMessageContaining("is already the service arena");
        assertThat(failure(unknown)).hasMessage("no service nope");
        assertThat(failure(badName)).hasMessageContaining("service name may hold only");
        assertThat(failure(fine)).isNull();
        assertThat(ids(e.published().get())).containsExactly("arena", "blocks");
    }
}
