package netwarden.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import netwarden.model.Clock;
import netwarden.model.Event;
import netwarden.enrich.Enricher;
import netwarden.sinks.metrics.MetricsExposition;
import netwarden.sinks.notify.channel.Channel;
import netwarden.sinks.notify.channel.Notice;
import netwarden.sinks.notify.channel.Sender;
import netwarden.sinks.notify.config.DeliveryConfig;
import netwarden.sinks.notify.config.DigestConfig;
import netwarden.sinks.notify.config.NotifyConfig;
import netwarden.sinks.route.SinkMetrics;
import netwarden.sinks.route.SinkWorker;
import org.junit.jupiter.api.Test;

class NotificationRouterTest {
    private static NotifyConfig config(int routerQueue) {
        return NotifyConfig.defaults().withQueueCapacity(routerQueue)
                .withDigest(new DigestConfig(false, Duration.ofMinutes(1), 10, Set.of()));
    }

    private static Channel channel(String name, Sender sender, NotifyMetrics metrics, int capacity) {
        Channel c = new Channel(name, "test", sender, DeliveryConfig.defaults().withQueueCapacity(capacity).withMaxAttempts(1),
                d -> { }, Clock.SYSTEM, new SplittableRandom(1));
        metrics.addChannel(c);
        return c;
    }

    private static NotificationRouter.Deps deps(NotifyMetrics metrics) {
        return new NotificationRouter.Deps(Enricher.none(), null, null, null, Clock.SYSTEM, metrics);
    }

    @Test
    void aHangingChannelNeverSlowsThePipelineAndDropsAreCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Notice> fast = new CopyOnWriteArrayList<>();
        NotifyMetrics metrics = new NotifyMetrics();
        PrometheusRegistry registry = new PrometheusRegistry();
        metrics.register(registry);
        Channel hanging = channel("hanging", n -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, metrics, 100);
        Channel quick = channel("quick", fast::add, metrics, 100_000);
        NotificationRouter router = new NotificationRouter(config(65_536), List.of(hanging, quick), deps(metrics));
        SinkWorker<Event> input = new SinkWorker<>(router, router.sinkConfig(), Clock.SYSTEM);
        SinkMetrics sinks = new SinkMetrics().register(registry);
        sinks.track(input);
        sinks.trackAll(router.channelWorkers());
        router.start();
        input.start();
        Event leave = NotifyFixtures.left("q3", "203.0.113.5", NotifyFixtures.T0);
        int n = 1_000_000;
        long worst = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            input.offer(leave);
            worst = Math.max(worst, System.nanoTime() - s);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(elapsed).as("1 M events into the router").isLessThan(Duration.ofSeconds(5));
        release.countDown();
        input.close(Duration.ofSeconds(5));
        router.closeChannels(Duration.ofSeconds(5));

        long routed = n - input.dropped();
        assertThat(input.delivered()).isEqualTo(routed);
        assertThat(routed).isPositive();
        assertThat(hanging.dropped()).as("the hanging channel dropped what did not fit").isPositive();
        assertThat(hanging.sent() + hanging.failed() + hanging.dropped()).isEqualTo(routed);
        assertThat(quick.sent() + quick.dropped()).isEqualTo(routed);
        String text = new String(new MetricsExposition(registry).scrape(null).body(), StandardCharsets.UTF_8);
        assertThat(text).contains("netwarden_sink_dropped_total{sink=\"notify/hanging\"} " + hanging.dropped() + ".0",
                "netwarden_notify_sent_total{channel=\"quick\"} " + quick.sent() + ".0",
                "netwarden_sink_dropped_total{sink=\"notify\"} " + input.dropped() + ".0",
                "netwarden_sink_queue_depth{sink=\"notify\"} 0.0");
        System.out.printf("router: 1M offers in %d ms, worst call %d us, router drops %d, hanging drops %d%n",
                elapsed.toMillis(), worst / 1000, input.dropped(), hanging.dropped());
    }

    @Test
    void closeRoutesWhatIsQueuedAndSendsPendingDigestsInOrder() {
        NotifyMetrics metrics = new NotifyMetrics();
        List<String> got = new CopyOnWriteArrayList<>();
        Channel c = channel("a", n -> got.add(n.kind()), metrics, 1000);
        NotifyConfig cfg = NotifyConfig.defaults().withDigest(new DigestConfig(true, Duration.ofHours(1), 2, Set.of("player_joined")));
        NotificationRouter router = new NotificationRouter(cfg, List.of(c), deps(metrics));
        SinkWorker<Event> input = new SinkWorker<>(router, router.sinkConfig(), Clock.SYSTEM);
        router.start();
        input.start();
        for (int i = 0; i < 5; i++) input.offer(NotifyFixtures.joined("q3", "203.0.113." + (i + 1), NotifyFixtures.T0 + i));
        input.offer(NotifyFixtures.left("q3", "203.0.113.1", NotifyFixtures.T0 + 9));
        input.close(Duration.ofSeconds(5));
        router.closeChannels(Duration.ofSeconds(5));
        assertThat(got).containsExactly("player_joined", "player_joined", "player_left", "digest");
        input.offer(NotifyFixtures.left("q3", "203.0.113.1", NotifyFixtures.T0 + 10));
        assertThat(input.dropped()).isEqualTo(1);
    }

    @Test
    void closingAnIdleRouterDoesNotWaitForItsPollTimeout() {
        NotifyMetrics metrics = new NotifyMetrics();
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            Channel c = channel("a" + i, n -> { }, metrics, 10);
            NotificationRouter router = new NotificationRouter(config(16), List.of(c), deps(metrics));
            SinkWorker<Event> input = new SinkWorker<>(router, router.sinkConfig(), Clock.SYSTEM);
            router.start();
            input.start();
            input.close(Duration.ofSeconds(5));
            router.closeChannels(Duration.ofSeconds(5));
        }
        // The router thread waits up to a second for events; five closes that each waited would take ~5 s.
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2500));
    }
}
