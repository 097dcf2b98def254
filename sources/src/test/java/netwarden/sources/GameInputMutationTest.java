package netwarden.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import netwarden.sources.docker.DockerWire;
import netwarden.sources.gamelog.GameLogWire;
import netwarden.sources.query.QueryWire;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutation of {@link GameInputFuzzTest}'s seeds through the same entry points (Jazzer's
 * coverage-guided mode cannot instrument Java 25 class files, as decode's CaptureMutationTest explains).
 * Reproducible: a failure names the target, the iteration and the input in hex.
 */
class GameInputMutationTest {
    private static final Path SEEDS = Path.of("src/test/resources/netwarden/sources/GameInputFuzzTestInputs");
    private static final int ROUNDS = 3000;

    @Test
    void mutatedInputsOnlyFailTheWayEachDecoderMay() throws IOException {
        run("quake3", QueryWire::quake3);
        run("a2s", QueryWire::a2s);
        run("minecraft", QueryWire::minecraft);
        run("dockerHttp", DockerWire::http);
        run("playersLog", d -> GameLogWire.csv(new String(d, StandardCharsets.UTF_8)));
    }

    private static void run(String target, Consumer<byte[]> sink) throws IOException {
        List<byte[]> seeds;
        try (Stream<Path> files = Files.list(SEEDS.resolve(target))) {
            seeds = files.sorted().map(p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(seeds).as(target + " seeds").isNotEmpty();
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] d = mutate(seeds.get(i % seeds.size()).clone(), random);
            try {
                sink.accept(d);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(target + " iteration " + i + " input " + HexFormat.of().formatHex(d), e);
            }
        }
    }

    private static byte[] mutate(byte[] d, SplittableRandom r) {
        int edits = 1 + r.nextInt(4);
        for (int k = 0; k < edits && d.length > 0; k++) {
            switch (r.nextInt(4)) {
                case 0 -> d[r.nextInt(d.length)] = (byte) r.nextInt(256);
                case 1 -> d[r.nextInt(d.length)] = (byte) new int[] {0, 0xff, 0x7f, 0x80, '\n', '\\', ',', '"', 0xfe}[r.nextInt(9)];
                case 2 -> d = java.util.Arrays.copyOf(d, r.nextInt(d.length + 1));
                default -> {
                    int at = r.nextInt(d.length);
                    byte[] out = new byte[d.length + 1];
                    System.arraycopy(d, 0, out, 0, at);
                    out[at] = (byte) r.nextInt(256);
                    System.arraycopy(d, at, out, at + 1, d.length - at);
                    d = out;
                }
            }
        }
        return d;
    }
}
