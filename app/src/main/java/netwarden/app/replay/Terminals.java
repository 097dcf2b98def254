package netwarden.app.replay;

import java.io.Console;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Whether standard error is a terminal, so progress bars are drawn only for people, never into
 * logs or pipes. Asks libc's {@code isatty(2)} when native access is enabled (the launcher enables
 * it); otherwise falls back to {@link System#console()}, which needs stdin and stdout on a terminal too.
 */
final class Terminals {
    private Terminals() {}

    @SuppressWarnings("restricted") // isatty is a pure query; native access is checked first
    static boolean stderrIsTerminal() {
        if (Terminals.class.getModule().isNativeAccessEnabled()) {
            try {
                Linker linker = Linker.nativeLinker();
                MethodHandle isatty = linker.downcallHandle(linker.defaultLookup().find("isatty").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                return (int) isatty.invokeExact(2) == 1;
            } catch (Throwable e) {
                // no libc symbol or native access refused: fall through to the portable answer
            }
        }
        Console c = System.console();
        return c != null && c.isTerminal();
    }
}
