package netwarden.app.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import netwarden.app.CliContext;
import netwarden.app.ExitCodes;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.NetwardenConfig;
import netwarden.app.history.CaptureHistory;
import netwarden.engine.EngineConfig;
import netwarden.model.Incident;
import netwarden.sinks.incidents.IncidentArchive;
import netwarden.store.AddressInfo;
import netwarden.store.StoreConfig;
import netwarden.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netwarden replay FILE...}: exact traffic totals, services, players and attacks of capture files.
 * A damaged file is still reported (exit 0, {@code read_error} set); a file that cannot be opened
 * is reported on stderr, the other files are still read, and the exit code is 1.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Traffic, services, players and attacks of capture files.",
            "Prints per-(ip_version, proto, dst_port) traffic, the services found (configured with --config, else",
            "discovered), their players and the attacks detected; JSON is one object per file, one per line.",
            "Addresses are printed in full. A damaged file is reported with read_error and exit 0."})
public final class ReplayCommand implements Callable<Integer> {
    /** Output formats. */
    public enum Format { text, json }

    /** How long the end of a replay waits for the store to write what is queued. */
    static final Duration STORE_DRAIN = Duration.ofMinutes(10);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Capture files (pcap, pcap-ns, pcapng: detected by magic number).")
    List<Path> files;

    @Option(names = "--format", paramLabel = "json|text", defaultValue = "text",
            description = "text (a readable table, default) or json (one object per file, one per line).")
    Format format;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file for services, player rules and attack detection (default: discovery, default detection).")
    Path config;

    @Option(names = "--incidents-dir", paramLabel = "DIR",
            description = "Also write each attack found as DIR/<id>.json and its sample packets as DIR/<id>.pcap.")
    Path incidentsDir;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = {"Also write everything the capture holds into the store in DIR (netwarden.duckdb, or store.url",
                "of --config): events, player sessions, incidents, rollups, so `run --config` with state.dir: DIR serves it.",
                "Attacks still open at the end of a file are ended there."})
    Path stateDir;

    @Option(names = "--shards", paramLabel = "N",
            description = "Engines sharing the work, each on a thread of its own (default: engine.shards of --config, else one per core, at most 4).")
    Integer shards;

    public ReplayCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Set<String> sections = new HashSet<>(ConfigLoader.ENGINE_SECTIONS); // notify, api...: not used, not checked
        if (stateDir != null) sections.add("store");
        NetwardenConfig loaded = config == null ? null : context.configLoader().load(config, sections);
        EngineConfig engine = loaded == null ? EngineConfig.defaults() : loaded.engine();
        StoreConfig store = loaded == null ? StoreConfig.defaults() : loaded.store();
        if (shards != null) {
            try {
                engine = engine.withShards(shards);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--shards: " + e.getMessage());
            }
        }
        Replayer replayer = new Replayer(engine);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int code = ExitCodes.OK;
        boolean first = true;
        for (Path file : files) {
            ReplayReport report;
            try {
                if (Files.isDirectory(file)) throw new IOException("is a directory");
                report = stateDir == null ? replayer.replay(file, size -> TerminalProgress.forFile(file.toString(), size))
                        : replayIntoStore(replayer, file, store, err);
            } catch (NotACaptureException e) {
                err.println("netwarden replay: " + file + " is " + e.getMessage());
                err.flush();
                code = ExitCodes.FAILURE;
                continue;
            } catch (StoreException e) {
                err.println("netwarden replay: cannot open the store in " + stateDir + ": " + e.getMessage());
                err.flush();
                return ExitCodes.FAILURE;
            } catch (IOException e) {
                err.println("netwarden replay: cannot read " + file + ": " + reason(e));
                err.flush();
                code = ExitCodes.FAILURE;
                continue;
            }
            if (incidentsDir != null && !archive(report, engine.detection().blockTimeout(), err)) code = ExitCodes.FAILURE;
            if (format == Format.json) {
                out.println(ReplayJson.line(report, engine.detection().blockTimeout()));
            } else {
                if (!first) out.println();
                ReplayText.print(report, out);
            }
            out.flush();
            first = false;
        }
        return code;
    }

    /** Replays one file with its rows going to the store in {@link #stateDir}; says on stderr what was written. */
    private ReplayReport replayIntoStore(Replayer replayer, Path file, StoreConfig store, PrintWriter err) throws IOException {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new StoreException("create " + stateDir, e);
        }
        ReplayReport report;
        CaptureHistory history = new CaptureHistory(store, stateDir, AddressInfo.Lookup.NONE, STORE_DRAIN);
        try {
            history.start();
            report = replayer.replay(file, size -> TerminalProgress.forFile(file.toString(), size), history);
        } finally {
            history.close();
        }
        err.println("netwarden replay: " + file + ": " + history.written() + " rows written to the store in " + stateDir
                + (history.dropped() > 0 ? ", " + history.dropped() + " rows lost (netwarden_store_dropped_rows_total)" : ""));
        err.flush();
        return report;
    }

    /** Writes the report's attacks to {@link #incidentsDir}; false (after saying why on stderr) when one could not be written. */
    private boolean archive(ReplayReport report, java.time.Duration blockTimeout, PrintWriter err) {
        IncidentArchive archive = new IncidentArchive(incidentsDir, blockTimeout);
        for (Incident i : report.attacks()) {
            try {
                archive.write(i);
            } catch (IOException | RuntimeException e) {
                err.println("netwarden replay: cannot write incident " + i.id() + " to " + incidentsDir + ": "
                        + (e instanceof IOException io ? reason(io) : e.toString()));
                err.flush();
                return false;
            }
        }
        return true;
    }

    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> "no such file";
            case AccessDeniedException a -> "permission denied";
            case FileSystemException f when f.getReason() != null -> f.getFile() + ": " + f.getReason();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
