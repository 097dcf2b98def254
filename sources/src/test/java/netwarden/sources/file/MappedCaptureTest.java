package netwarden.sources.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import netwarden.decode.CaptureReader;
import netwarden.model.Packet;
import netwarden.testkit.Frames;
import netwarden.testkit.PcapWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedCaptureTest {
    @TempDir
    Path dir;

    static byte[] smallCapture() {
        byte[] frame = Frames.ethernet(Frames.ETH_IPV4, Frames.ipv4("10.0.0.1", "10.0.0.2")
                .packet(Frames.UDP, Frames.udp(1, 27960, new byte[4])));
        return PcapWriter.micros(1).record(1_000_000_000L, frame).record(2_000_000_000L, frame).toByteArray();
    }

    @Test
    void mapsTheWholeFileReadOnly() throws Exception {
        byte[] bytes = smallCapture();
        Path file = Files.write(dir.resolve("x.pcap"), bytes);
        try (MappedCapture capture = MappedCapture.open(file)) {
            assertThat(capture.size()).isEqualTo(bytes.length);
            assertThat(capture.path()).isEqualTo(file);
            assertThat(capture.segment().toArray(ValueLayout.JAVA_BYTE)).isEqualTo(bytes);
            assertThat(capture.segment().isReadOnly()).isTrue();
            CaptureReader r = CaptureReader.open(capture.segment());
            Packet p = new Packet();
            assertThat(r.next(p)).isTrue();
            assertThat(p.dstPort).isEqualTo(27960);
        }
    }

    @Test
    void usableFromAnotherThread() throws Exception {
        Path file = Files.write(dir.resolve("x.pcap"), smallCapture());
        try (MappedCapture capture = MappedCapture.open(file)) {
            long[] seen = new long[1];
            Thread t = Thread.ofPlatform().start(() -> seen[0] = capture.segment().get(ValueLayout.JAVA_BYTE, 0));
            t.join();
            assertThat(seen[0]).isEqualTo((byte) 0xd4);
        }
    }

    @Test
    void closeIsIdempotentAndEndsAccess() throws Exception {
        MappedCapture capture = MappedCapture.open(Files.write(dir.resolve("x.pcap"), smallCapture()));
        var segment = capture.segment();
        capture.close();
        capture.close();
        assertThatThrownBy(capture::segment).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> segment.get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyFileMapsToAnEmptySegment() throws Exception {
        try (MappedCapture capture = MappedCapture.open(Files.write(dir.resolve("empty.pcap"), new byte[0]))) {
            assertThat(capture.size()).isZero();
        }
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.pcap");
        assertThatThrownBy(() -> MappedCapture.open(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("capture file not found");
    }

    @Test
    void directoryIsNotACapture() {
        assertThatThrownBy(() -> MappedCapture.open(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("is a directory");
    }

    @Test
    void permissionDenied() throws Exception {
        Path file = Files.write(dir.resolve("secret.pcap"), smallCapture());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(file), "running with privileges that read any file (root): cannot test permission denied");
        assertThatThrownBy(() -> MappedCapture.open(file)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("permission denied");
    }
}
