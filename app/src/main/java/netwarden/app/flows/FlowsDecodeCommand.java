package netwarden.app.flows;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import netwarden.app.ExitCodes;
import netwarden.decode.flow.FlowDecoder;
import netwarden.decode.flow.FlowDecoderConfig;
import netwarden.decode.flow.SamplingOverride;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netwarden flows decode FILE...}: the flow-export datagrams inside capture files, decoded
 * as one stream in file order. A damaged datagram is counted in {@code malformed_datagrams} (exit
 * 0); a file that cannot be opened is reported on stderr, the others are still read, exit 1.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode the NetFlow v5/v9, IPFIX and sFlow v5 datagrams inside capture files.",
            "UDP datagrams of any port are read; the format comes from each datagram's header. The files are one",
            "stream in the order given: templates learned from an earlier file decode data in a later one.",
            "JSON is one object per file, one per line; bytes and packets are as exported (not multiplied by the",
            "sampling rate), sampling_rate is null when unknown. A damaged datagram counts in malformed_datagrams."})
public final class FlowsDecodeCommand implements Callable<Integer> {
    /** Output formats. */
    public enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Capture files (pcap, pcap-ns, pcapng) holding flow exports.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "json|text", defaultValue = "text",
            description = "text (counts and a table per file, default) or json (one object per file, one per line).")
    Format format;

    @Option(names = "--sampling-override", paramLabel = "ADDR[/LEN]=RATE",
            description = "Force the sampling rate of the exporters in a prefix (repeatable; the longest prefix wins).")
    List<String> overrides = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SamplingOverride> parsed;
        try {
            parsed = overrides.stream().map(SamplingOverride::parse).toList();
        } catch (IllegalArgumentException e) {
            err.println("netwarden flows decode: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        FlowFileDecoder decoder = new FlowFileDecoder(new FlowDecoder(FlowDecoderConfig.defaults().withOverrides(parsed)));
        int code = ExitCodes.OK;
        for (Path file : files) {
            FlowFileReport report;
            try {
                report = decoder.decode(file);
            } catch (IOException e) {
                err.println("netwarden flows decode: cannot read " + file + ": " + reason(e));
                err.flush();
                code = ExitCodes.FAILURE;
                continue;
            }
            if (report.readError() != null) err.println("netwarden flows decode: " + file + " is damaged: " + report.readError());
            if (format == Format.json) out.println(FlowsJson.line(report));
            else FlowsText.print(report, out);
            out.flush();
            err.flush();
        }
        return code;
    }

    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> "no such file";
            case AccessDeniedException a -> "permission denied";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
