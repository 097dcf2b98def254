package netwarden.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the CLI in-process and keeps what it printed. */
public record CliRun(int code, String out, String err) {
    public static CliRun of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new CliContext(env), new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun of(String... args) {
        return of(Map.of(), args);
    }
}
