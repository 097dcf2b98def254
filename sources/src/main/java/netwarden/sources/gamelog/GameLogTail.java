package netwarden.sources.gamelog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import netwarden.model.Clock;
import netwarden.sources.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a game's players log and reports joins, leaves, commands, state and server starts.
 *
 * <p>Design notes: one daemon thread runs {@link #pollOnce()} every poll interval (tests call it
 * directly). Each poll: a different file at the path (rotation by rename) means the old file is read to
 * its end first, then the new one from its start; the same file shorter than the position, or no longer
 * holding the last line read where it was (copy-truncate, even when rewritten past the old size), means
 * it is read again from 0. Only complete lines are read ({@link LogFile}). After a poll that moved, the
 * bookmark is replaced atomically; a restart continues there when the file and its last line still match,
 * so nothing is announced twice. Without a usable bookmark a log starts at its end, or at its start when
 * it is not bigger than {@code catchUpLimit} and {@code fromStart} is set, the log appeared only after the
 * tail started, or the bookmark is of an earlier file. Bad rows are counted and warned about at
 * most once a minute, without their text (it may hold a hash). Raw hashes stay inside this package:
 * events carry a salted HMAC or nothing.
 */
public final class GameLogTail implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GameLogTail.class);
    static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final GameLogConfig config;
    private final GameLogListener listener;
    private final Clock clock;
    private final ParsedRow.Parser parser;
    private final PlayerIds ids;
    private final Roster roster = new Roster();
    private final GameLogCounters counters = new GameLogCounters();
    private final RateLimitedWarning badLines;
    private final Emitter emitter;
    private LogFile file;
    private boolean missingLogged;
    private String savedBookmark;
    private Periodic thread;

    public GameLogTail(GameLogConfig config, GameLogListener listener, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.parser = config.rules().isEmpty() ? new PlayersLogCsv() : new RegexFormat(config.rules());
        this.ids = new PlayerIds(config.hashSalt());
        this.badLines = new RateLimitedWarning(log, clock, WARN_EVERY);
        this.emitter = new Emitter(roster, ids, counters, clock, this::deliver);
    }

    public GameLogConfig config() { return config; }
    public GameLogCounters counters() { return counters; }

    public synchronized void start() {
        if (thread != null) throw new IllegalStateException("game log tail of " + config.path() + " already started");
        pollOnce(); // positioned when start() returns: a rotation right after cannot go unseen
        thread = Periodic.start("netwarden-gamelog", config.pollInterval(), this::pollOnce);
    }

    /** Looks at the log once: rotation, truncation, new complete lines. Never throws. */
    public synchronized void pollOnce() {
        try {
            if (file == null && !openFirst()) return;
            String key = LogFile.key(config.path());
            if (key != null && !key.equals(file.key)) {
                file.readLines(lines());
                if (file.pending() > 0) counters.skip(GameLogCounters.PARTIAL);
                file.close();
                file = LogFile.open(config.path(), config.maxLineBytes());
                counters.rotation();
                log.info("game log {} was rotated; reading the new file from its start", config.path());
            } else if (key != null && !file.lastLineIntact()) {
                file.startAt(0);
                counters.truncation();
                log.info("game log {} was truncated (copy-truncate); reading it again from its start", config.path());
            }
            counters.bytes(file.readLines(lines()));
            saveBookmark();
        } catch (IOException e) {
            log.debug("game log {}: {}", config.path(), e.toString());
        } catch (RuntimeException e) { // a bug must not end the tail; say so loudly, once a minute at most
            badLines.warn("game log " + config.path() + ": poll failed: " + e);
        }
    }

    private boolean openFirst() throws IOException {
        if (LogFile.key(config.path()) == null) {
            if (!missingLogged) log.warn("game log {} does not exist (yet); waiting for it", config.path());
            missingLogged = true;
            return false;
        }
        file = LogFile.open(config.path(), config.maxLineBytes());
        Bookmark b = null;
        try {
            b = Bookmark.read(config.bookmark());
        } catch (IOException e) {
            counters.bookmarkError();
            log.warn("cannot read game log bookmark {}: {}", config.bookmark(), e.toString());
        }
        if (b != null) roster.replace(b.online());
        if (b != null && b.fileKey().equals(file.key) && file.resume(b)) {
            counters.resume();
            log.info("game log {}: continuing at byte {} (bookmark)", config.path(), b.offset());
            return true;
        }
        long size = file.size();
        // A log that appeared while we waited for it, or changed while we were stopped, is news from its start.
        boolean fromStart = (b != null || missingLogged || config.fromStart()) && size <= config.catchUpLimit();
        if (b != null) log.info("game log {} was rotated or truncated while stopped; reading from {}", config.path(), fromStart ? "its start" : "its end");
        file.startAt(fromStart ? 0 : size);
        return true;
    }

    private LogFile.Lines lines() {
        return new LogFile.Lines() {
            @Override
            public void line(byte[] b, int off, int len, long offset) {
                counters.line();
                if (len > 0 && b[off + len - 1] == '\r') len--;
                String s = new String(b, off, len, StandardCharsets.UTF_8);
                if (s.isBlank()) {
                    counters.skip(GameLogCounters.IGNORED);
                    return;
                }
                try {
                    ParsedRow r = parser.parse(s);
                    if (r == null) counters.skip(GameLogCounters.IGNORED);
                    else emitter.emit(r);
                } catch (GameLogException e) {
                    counters.skip(GameLogCounters.BAD);
                    badLines.warn("game log " + config.path() + ": skipped a bad line at byte " + offset + ": " + e.reason());
                } catch (RuntimeException e) { // a parser bug must skip the line, not stall the tail on it forever
                    counters.skip(GameLogCounters.BAD);
                    badLines.warn("game log " + config.path() + ": skipped a line at byte " + offset + " the parser failed on: " + e);
                }
            }

            @Override
            public void tooLong(long offset) {
                counters.line();
                counters.skip(GameLogCounters.TOO_LONG);
                badLines.warn("game log " + config.path() + ": skipped a line longer than " + config.maxLineBytes() + " bytes at byte " + offset);
            }
        };
    }

    private void deliver(GameLogEvent e) {
        try {
            listener.event(e);
        } catch (RuntimeException x) {
            counters.listenerError();
            log.warn("game log listener failed", x);
        }
    }

    private void saveBookmark() {
        Bookmark b = new Bookmark(file.pos(), file.key, file.lastLength(), file.lastCrc(), roster.entries());
        String text = b.format();
        if (text.equals(savedBookmark)) return;
        try {
            b.write(config.bookmark());
            savedBookmark = text;
        } catch (IOException e) {
            counters.bookmarkError();
            log.debug("cannot write game log bookmark {}: {}", config.bookmark(), e.toString());
        }
    }

    @Override
    public void close() {
        Periodic t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) t.stop(config.pollInterval().plusSeconds(2));
        synchronized (this) {
            if (file == null) return;
            saveBookmark();
            try {
                file.close();
            } catch (IOException e) {
                log.debug("closing game log {}", config.path(), e);
            }
            file = null;
        }
    }
}
