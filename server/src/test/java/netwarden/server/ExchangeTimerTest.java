package netwarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import netwarden.model.EngineSnapshot;
import org.junit.jupiter.api.Test;

class ExchangeTimerTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final Counter timeouts = ExchangeTimer.counter();

    /** A task that waits (interruptibly) until released or interrupted, then says which. */
    private static Runnable waiting(CountDownLatch started, CountDownLatch release, AtomicReference<String> outcome, Runnable before) {
        return () -> {
            before.run();
            started.countDown();
            try {
                release.await();
                outcome.set("finished");
            } catch (InterruptedException e) {
                outcome.set("interrupted");
            }
        };
    }

    @Test
    void anExchangePastItsRequestLimitIsInterruptedAndCounted() throws Exception {
        ExchangeTimer timer = new ExchangeTimer(Duration.ofSeconds(30), Duration.ofSeconds(60), now::get, timeouts);
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        AtomicReference<String> outcome = new AtomicReference<>();
        timer.execute(waiting(started, release, outcome, () -> { }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(timer.check()).isZero();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(timer.check()).isEqualTo(1);
        assertThat(timer.check()).as("cut once").isZero();
        timer.close();
        assertThat(outcome.get()).isEqualTo("interrupted");
        assertThat(timeouts.labelValues("request").get()).isEqualTo(1);
    }

    @Test
    void onceTheRequestIsReadTheResponseLimitCounts() throws Exception {
        ExchangeTimer timer = new ExchangeTimer(Duration.ofSeconds(30), Duration.ofSeconds(60), now::get, timeouts);
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        AtomicReference<String> outcome = new AtomicReference<>();
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        timer.execute(waiting(started, release, outcome, timer::responding));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(timer.check()).as("past the request limit, within the response limit").isZero();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(timer.check()).isEqualTo(1);
        timer.close();
        assertThat(outcome.get()).isEqualTo("interrupted");
        assertThat(timeouts.labelValues("response").get()).isEqualTo(1);
    }

    @Test
    void anExchangeThatEndsInTimeIsNeverCut() throws Exception {
        ExchangeTimer timer = new ExchangeTimer(Duration.ofSeconds(1), Duration.ofSeconds(1), now::get, timeouts);
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(0);
        AtomicReference<String> outcome = new AtomicReference<>();
        timer.execute(waiting(started, release, outcome, () -> { }));
        timer.close(); // waits for the task
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(timer.check()).isZero();
        assertThat(outcome.get()).isEqualTo("finished");
    }

    /** Two servers in one JVM, each with its own limit: the one with 1 s drops half a request, the other keeps it. */
    @Test
    void eachServerCutsHalfARequestAtItsOwnLimit() throws Exception {
        PrometheusRegistry quickRegistry = new PrometheusRegistry(), slowRegistry = new PrometheusRegistry();
        HttpServerConfig base = ServerHarness.loopback();
        NetwardenHttpServer quick = new NetwardenHttpServer(base.withTimeLimits(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new ApiTokens(List.of()), () -> EngineSnapshot.EMPTY, quickRegistry);
        NetwardenHttpServer slow = new NetwardenHttpServer(base, new ApiTokens(List.of()), () -> EngineSnapshot.EMPTY, slowRegistry);
        quick.start();
        slow.start();
        try (Socket a = new Socket("127.0.0.1", quick.port()); Socket b = new Socket("127.0.0.1", slow.port())) {
            for (Socket s : List.of(a, b)) {
                OutputStream out = s.getOutputStream();
                out.write("GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII)); // no end of headers
                out.flush();
                s.setSoTimeout(10_000);
            }
            long t0 = System.nanoTime();
            InputStream in = a.getInputStream();
            assertThat(in.read()).as("the 1 s server closed the connection").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
            b.setSoTimeout(500);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> b.getInputStream().read()))
                    .as("the 30 s server still waits for the rest").isInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).as("no JVM-wide property set").isNull();
            String text = quickRegistry.scrape().stream().filter(m -> m.getMetadata().getName().equals("netwarden_http_timeouts"))
                    .findFirst().orElseThrow().getDataPoints().getFirst().getLabels().toString();
            assertThat(text).contains("request");
        } finally {
            quick.close();
            slow.close();
        }
    }
}
