package netwarden.sinks.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import netwarden.model.Clock;
import netwarden.sinks.notify.config.DeliveryConfig;
import org.junit.jupiter.api.Test;

class ChannelTest {
    private static final DeliveryConfig FOUR_TRIES = new DeliveryConfig(3, 4, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1));

    /** A sender that answers from a script of outcomes (null = success) and records what it saw. */
    private static final class Scripted implements Sender {
        final Deque<DeliveryException> outcomes = new ArrayDeque<>();
        final List<Notice> seen = new CopyOnWriteArrayList<>();

        @Override
        public void send(Notice n) throws DeliveryException {
            seen.add(n);
            DeliveryException e = outcomes.poll();
            if (e != null) throw e;
        }
    }

    private static Notice test(int i) {
        return new Notice.TestNotice(i, "n" + i);
    }

    @Test
    void tryOnceNeitherRetriesNorWaits() {
        Scripted s = new Scripted();
        s.outcomes.add(DeliveryException.retryable("503", null));
        s.outcomes.add(DeliveryException.rateLimited("429", Duration.ofSeconds(30)));
        List<Duration> slept = new ArrayList<>();
        Channel c = new Channel("c", "webhook", s, FOUR_TRIES, slept::add, () -> 0, new SplittableRandom(1));
        assertThat(c.tryOnce(test(1))).isEqualTo(new Channel.Result(false, 1, "503"));
        assertThat(c.tryOnce(test(2))).isEqualTo(new Channel.Result(false, 1, "429"));
        assertThat(c.tryOnce(test(3))).isEqualTo(new Channel.Result(true, 1, null));
        assertThat(slept).isEmpty();
        assertThat(s.seen).hasSize(3);
        assertThat(c.failed()).isEqualTo(2);
        assertThat(c.sent()).isEqualTo(1);
    }

    @Test
    void retriesWithGrowingJitteredBackoffThenGivesUp() {
        Scripted s = new Scripted();
        for (int i = 0; i < 4; i++) s.outcomes.add(DeliveryException.retryable("503", null));
        List<Duration> sleeps = new ArrayList<>();
        Channel c = new Channel("c", "test", s, FOUR_TRIES, sleeps::add, Clock.SYSTEM, new SplittableRandom(9));
        Channel.Result r = c.deliverNow(test(1));
        assertThat(r.sent()).isFalse();
        assertThat(r.attempts()).isEqualTo(4);
        assertThat(s.seen).hasSize(4);
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(sleeps.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(sleeps.get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(c.failed()).isEqualTo(1);
        assertThat(c.sent()).isZero();
        assertThat(c.retries()).isEqualTo(3);
        assertThat(c.rateLimitWaits()).isZero();
    }

    @Test
    void rateLimitsWaitAsAskedWithoutUsingUpAttempts() {
        Scripted s = new Scripted();
        for (int i = 0; i < 6; i++) s.outcomes.add(DeliveryException.rateLimited("429", Duration.ofMillis(250)));
        s.outcomes.add(DeliveryException.retryable("timeout", null));
        List<Duration> sleeps = new ArrayList<>();
        Channel c = new Channel("c", "test", s, FOUR_TRIES, sleeps::add, Clock.SYSTEM, new SplittableRandom(9));
        Channel.Result r = c.deliverNow(test(1));
        assertThat(r.sent()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(sleeps.subList(0, 6)).containsOnly(Duration.ofMillis(250));
        assertThat(c.sent()).isEqualTo(1);
        assertThat(c.rateLimitWaits()).isEqualTo(6);
        assertThat(c.rateLimitWaitSeconds()).isEqualTo(1.5);
        assertThat(c.retries()).isEqualTo(1);
    }

    @Test
    void permanentErrorsAndSenderBugsAreNotRetried() {
        Scripted s = new Scripted();
        s.outcomes.add(DeliveryException.permanent("404"));
        Channel c = new Channel("c", "test", s, FOUR_TRIES, d -> { throw new AssertionError("no sleep expected"); }, Clock.SYSTEM, new SplittableRandom(9));
        assertThat(c.deliverNow(test(1)).attempts()).isEqualTo(1);
        Channel buggy = new Channel("b", "test", n -> { throw new IllegalStateException("bug"); }, FOUR_TRIES, d -> { }, Clock.SYSTEM, new SplittableRandom(9));
        Channel.Result r = buggy.deliverNow(test(2));
        assertThat(r.sent()).isFalse();
        assertThat(r.error()).contains("bug");
        assertThat(buggy.failed()).isEqualTo(1);
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlocking() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        Sender hanging = n -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Channel c = new Channel("h", "test", hanging, FOUR_TRIES, d -> { }, Clock.SYSTEM, new SplittableRandom(9));
        c.start();
        assertThat(c.offer(test(0))).isTrue();
        entered.await();
        for (int i = 1; i <= 3; i++) assertThat(c.offer(test(i))).isTrue();
        assertThat(c.offer(test(4))).isFalse();
        assertThat(c.dropped()).isEqualTo(1);
        assertThat(c.depth()).isEqualTo(3);
        release.countDown();
        c.close(Duration.ofSeconds(5));
        assertThat(c.sent()).isEqualTo(4);
        assertThat(c.offer(test(5))).isFalse(); // closed
        assertThat(c.dropped()).isEqualTo(2);
    }

    @Test
    void closeGivesUpOnAHangingSenderAtTheDeadlineAndCountsWhatIsLeft() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        Sender hanging = n -> {
            entered.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DeliveryException.permanent("interrupted");
            }
        };
        Channel c = new Channel("h", "test", hanging, FOUR_TRIES, d -> { }, Clock.SYSTEM, new SplittableRandom(9));
        c.start();
        for (int i = 0; i < 3; i++) c.offer(test(i));
        entered.await();
        long t0 = System.nanoTime();
        c.close(Duration.ofMillis(200));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        assertThat(c.failed()).isEqualTo(1);
        assertThat(c.dropped()).isEqualTo(2);
    }

    @Test
    void backoffIsCappedAndNeverBelowHalf() {
        Backoff b = new Backoff(new DeliveryConfig(1, 100, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(1)), new SplittableRandom(1));
        for (int attempt = 1; attempt < 100; attempt++) {
            long base = Math.min(2000, 100L << Math.min(attempt - 1, 20));
            assertThat(b.after(attempt).toMillis()).isBetween(base / 2, base);
        }
    }
}
