package netwarden.app.replay;

import java.io.PrintStream;

/**
 * A one-line progress bar on a terminal ({@code \r}-redrawn), at most a few times a second; the
 * line is erased when the file is done so stdout output stays clean.
 */
final class TerminalProgress implements ReplayProgress {
    /** Files smaller than this finish too fast for a bar to help. */
    static final long MIN_SIZE = 50L * 1024 * 1024;
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String name;
    private final long size;
    private final long started = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    TerminalProgress(PrintStream err, String name, long size) {
        this.err = err;
        this.name = name;
        this.size = size;
    }

    /** A bar for a file of {@code size} bytes when stderr is a terminal and the file is large, else none. */
    static ReplayProgress forFile(String name, long size) {
        return size >= MIN_SIZE && Terminals.stderrIsTerminal() ? new TerminalProgress(System.err, name, size) : NONE;
    }

    @Override
    public void at(long position) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        double done = Math.min(1.0, (double) position / size);
        int filled = (int) (done * WIDTH);
        double seconds = (now - started) / 1e9;
        double mbps = seconds > 0 ? position / 1e6 / seconds : 0;
        err.print(String.format("\r%s [%s%s] %3.0f%% %,.0f/%,.0f MB %,.0f MB/s ", name, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done * 100, position / 1e6, size / 1e6, mbps));
        err.flush();
        drawn = true;
    }

    @Override
    public void finish() {
        if (!drawn) return;
        err.print("\r\033[K");
        err.flush();
        drawn = false;
    }
}
