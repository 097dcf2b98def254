package netwarden.sinks.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import netwarden.model.Clock;
import netwarden.model.Event;
import org.junit.jupiter.api.Test;

class EventRouterTest {
    private static Event discovered(int i) {
        return new Event.ServiceDiscovered(i, "svc" + i, null, 10);
    }

    private static Sink<Event> into(String name, List<Event> got) {
        return new Sink<>() {
            public String name() {
                return name;
            }

            public void deliver(List<Event> batch) {
                got.addAll(batch);
            }
        };
    }

    @Test
    void everySinkGetsEveryEventAndABlockedOrBrokenOneHurtsOnlyItself() throws Exception {
        List<Event> a = new CopyOnWriteArrayList<>(), b = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        Sink<Event> stuck = new Sink<>() {
            public String name() {
                return "stuck";
            }

            public void deliver(List<Event> batch) throws InterruptedException {
                release.await();
            }
        };
        Sink<Event> picky = new Sink<>() {
            public String name() {
                return "picky";
            }

            public boolean accepts(Event e) {
                throw new IllegalStateException("accepts broke");
            }

            public void deliver(List<Event> batch) {}
        };
        List<SinkWorker<Event>> workers = List.of(
                new SinkWorker<>(into("a", a), SinkConfig.ofCapacity(1000), Clock.SYSTEM),
                new SinkWorker<>(stuck, SinkConfig.ofCapacity(2).withMaxBatch(1), Clock.SYSTEM),
                new SinkWorker<>(picky, SinkConfig.ofCapacity(10), Clock.SYSTEM),
                new SinkWorker<>(into("b", b), SinkConfig.ofCapacity(1000), Clock.SYSTEM));
        EventRouter router = new EventRouter(workers);
        router.start();
        for (int i = 0; i < 100; i++) router.onEvent(discovered(i));
        release.countDown();
        router.close(Duration.ofSeconds(5));
        assertThat(a).hasSize(100).isEqualTo(b);
        assertThat(a.get(42)).isEqualTo(discovered(42));
        SinkWorker<Event> stuckWorker = router.workers().get(1);
        assertThat(stuckWorker.delivered() + stuckWorker.dropped()).isEqualTo(100);
        assertThat(stuckWorker.dropped()).isGreaterThanOrEqualTo(97);
    }
}
