package netwarden.sources.recorded;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netwarden.engine.Engine;
import netwarden.engine.EngineConfig;
import netwarden.model.Event;
import netwarden.model.EventListener;
import netwarden.sources.SharedData;
import netwarden.sources.file.CaptureFileInput;
import netwarden.sources.file.MappedCapture;

/** Replays the shared real captures through decode and the engine, as `netwarden replay` does. */
final class RecordedCaptures {
    private RecordedCaptures() {}

    static Path dir() {
        Path dir = SharedData.captures();
        assumeTrue(Files.isDirectory(dir), "../shared/testdata/pcap absent (" + dir.toAbsolutePath() + "): recorded-capture tests skipped");
        return dir;
    }

    static Path capture(String name) {
        Path p = dir().resolve(name);
        assumeTrue(Files.isRegularFile(p), name + " absent from ../shared/testdata/pcap");
        return p;
    }

    record Result(Engine engine, List<Event> events) {}

    /** Replays one file with the given config; the engine is finished with attacks ended at end of file. */
    static Result replay(Path file, EngineConfig config) throws IOException {
        var events = new java.util.ArrayList<Event>();
        EventListener listener = events::add;
        Engine engine = new Engine(config, listener, false);
        try (MappedCapture cap = MappedCapture.open(file)) {
            CaptureFileInput.replay(engine, cap.segment()); // a damaged file ends early; what came before counts, as in replay
        }
        return new Result(engine, events);
    }
}
