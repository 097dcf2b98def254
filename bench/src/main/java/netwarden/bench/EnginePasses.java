package netwarden.bench;

import java.nio.file.Path;
import netwarden.decode.DecodeException;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.model.EngineSnapshot;
import netwarden.sources.file.CaptureFileInput;
import netwarden.sources.file.MappedCapture;

/**
 * The engine side of {@code replay} alone, several passes over one file in one JVM: the first pass
 * is what a fresh process pays (JIT warm-up, page faults), the later ones the engine's own work per
 * frame. For A/B comparisons of engine changes; {@code bench/replay-bench.sh} is the whole-process figure.
 *
 * <p>Usage (after {@code ./mvnw -DskipTests package}):
 * {@code java --enable-native-access=ALL-UNNAMED -cp bench/target/classes:app/target/netwarden.jar
 * netwarden.bench.EnginePasses FILE [passes=5]}
 */
public final class EnginePasses {
    private EnginePasses() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: EnginePasses FILE [passes]");
            System.exit(2);
        }
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (MappedCapture capture = MappedCapture.open(Path.of(args[0]))) {
            for (int pass = 1; pass <= passes; pass++) {
                long t0 = System.nanoTime();
                EngineSnapshot s = pass(capture);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("pass %d: %d ms, %d frames, %d flows, %d incidents%n",
                        pass, ms, s.counters().packets(), s.counters().flowTableSize(), s.incidents().size());
            }
        }
    }

    private static EngineSnapshot pass(MappedCapture capture) {
        Engine engine = new Engine(EngineConfig.defaults(), event -> {}, false);
        DecodeException error = CaptureFileInput.replay(engine, capture.segment());
        if (error != null) System.err.println("stopped at a damaged record: " + error.getMessage());
        return engine.snapshot();
    }
}
