package netwarden.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import netwarden.app.config.ReplaySpeed;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.model.EventListener;
import netwarden.testkit.FakeClock;
import netwarden.testkit.Frames;
import netwarden.testkit.PcapWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real-time file replay on a fake clock: seconds close during quiet stretches, and a stop ends a long wait. */
class FileFeedTest {
    private static final long START = 1_700_000_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private Path capture() throws Exception {
        PcapWriter w = PcapWriter.micros(1);
        long[] offsets = {0, SECOND / 2, 3 * SECOND + SECOND / 2};
        for (int i = 0; i < offsets.length; i++) {
            byte[] frame = Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("10.0.0." + (10 + i), "10.0.0.1")
                    .packet(Frames.UDP, Frames.udp(4000, 27960, new byte[20])));
            w.record(START + offsets[i], frame);
        }
        return Files.write(dir.resolve("gap.pcap"), w.toByteArray());
    }

    @Test
    void realtimeReplayAdvancesTheEngineClockWhileWaiting() throws Exception {
        FakeClock clock = new FakeClock(5 * SECOND);
        Engine engine = new Engine(EngineConfig.defaults(), EventListener.NONE, true);
        List<Long> publishedDuringWaits = new ArrayList<>();
        List<Long> sleeps = new ArrayList<>();
        FileFeed feed = new FileFeed(capture(), ReplaySpeed.REALTIME, clock, nanos -> {
            sleeps.add(nanos);
            publishedDuringWaits.add(engine.published().get().asOfNanos());
            clock.advanceNanos(nanos);
        });
        feed.run(engine, () -> false);
        engine.finish();

        assertThat(sleeps).allMatch(n -> n > 0 && n <= 200_000_000L); // waits come in short slices
        assertThat(sleeps.stream().mapToLong(Long::longValue).sum()).isBetween(3 * SECOND + SECOND / 2 - 1000, 3 * SECOND + SECOND / 2);
        // Before the third packet (at +3.5 s) arrived, seconds +1 and +2 had closed and been published.
        assertThat(publishedDuringWaits).contains(START + 2 * SECOND);
        assertThat(engine.snapshot().counters().packets()).isEqualTo(3);
    }

    @Test
    void maxSpeedNeverWaits() throws Exception {
        FakeClock clock = new FakeClock(5 * SECOND);
        Engine engine = new Engine(EngineConfig.defaults(), EventListener.NONE, true);
        new FileFeed(capture(), ReplaySpeed.MAX, clock, nanos -> {
            throw new AssertionError("slept " + nanos);
        }).run(engine, () -> false);
        assertThat(engine.snapshot().counters().packets()).isEqualTo(3);
    }

    @Test
    void aStopDuringAWaitEndsTheFeedWithoutTheRemainingPackets() throws Exception {
        FakeClock clock = new FakeClock(5 * SECOND);
        Engine engine = new Engine(EngineConfig.defaults(), EventListener.NONE, true);
        AtomicBoolean stop = new AtomicBoolean();
        new FileFeed(capture(), ReplaySpeed.REALTIME, clock, nanos -> {
            clock.advanceNanos(nanos);
            if (clock.nanos() > 6 * SECOND) stop.set(true); // a second into the replay
        }).run(engine, stop::get);
        assertThat(engine.snapshot().counters().packets()).isEqualTo(2);
    }
}
