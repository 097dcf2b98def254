package netwarden.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    @Test
    void drawsOneLineAtMostEveryQuarterSecondAndErasesItAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress bar = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "big.pcap", 200_000_000L);
        bar.at(100_000_000L);
        bar.at(150_000_000L); // within the redraw interval: skipped
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn).startsWith("\rbig.pcap [###############...............]  50% 100/200 MB").doesNotContain("75%");
        bar.finish();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("\r\033[K");
    }

    @Test
    void nothingIsDrawnOrErasedWhenNothingWasShown() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TerminalProgress(new PrintStream(bytes), "x", 1).finish();
        assertThat(bytes.size()).isZero();
    }

    @Test
    void smallFilesGetNoBar() {
        assertThat(TerminalProgress.forFile("small.pcap", TerminalProgress.MIN_SIZE - 1)).isSameAs(ReplayProgress.NONE);
    }
}
