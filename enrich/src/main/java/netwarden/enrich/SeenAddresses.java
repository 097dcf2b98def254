package netwarden.enrich;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import netwarden.model.Ip;
import netwarden.state.StateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which player addresses were seen before, for the "returning" marker, without keeping
 * any address at rest: each address becomes a 64-bit key, HMAC-SHA256 under a random salt truncated
 * to 8 bytes. Files in the directory: {@value #SALT_FILE} (32 random bytes, mode 0600) and
 * {@value #KEYS_FILE} (8 bytes per address, appended as new ones come; read up to the store's
 * limit). Damaged files are moved aside, never a reason not to start (see {@link #open}). Without the salt the keys
 * cannot be tested against candidate addresses; two addresses share a key with odds about n/2^64.
 *
 * <p>Thread-safe (synchronized); calls do file I/O, so keep them off the pipeline thread.
 */
public final class SeenAddresses implements AutoCloseable {
    static final String SALT_FILE = "seen-salt";
    static final String KEYS_FILE = "seen-keys.bin";
    private static final Logger LOG = LoggerFactory.getLogger(SeenAddresses.class);
    private static final String HMAC = "HmacSHA256";
    private static final int MIN_SALT = 16, MAX_SALT = 4096;

    private final Mac mac;
    private final LongSet keys = new LongSet();
    private final FileChannel out;
    private final int maxEntries;
    private final ByteBuffer one = ByteBuffer.allocate(8);
    private boolean fullLogged;

    private SeenAddresses(Mac mac, FileChannel out, int maxEntries) {
        this.mac = mac;
        this.out = out;
        this.maxEntries = maxEntries;
    }

    /**
     * Opens (creating if needed) the store in {@code dir}, loading every key written before. A
     * damaged store never fails the start: a salt that is empty, short, oversized or not a file, a
     * keys file that is not a file, or a file where the directory should be, is moved aside to
     * {@code <name>.corrupt} with a WARN and the store starts afresh (keys made under a lost salt
     * are moved aside too: nothing could match them again).
     *
     * @param maxEntries addresses remembered at most; new ones beyond it are treated as new each time
     * @throws IOException when the directory cannot be created or a damaged file cannot be moved aside
     */
    public static SeenAddresses open(Path dir, int maxEntries) throws IOException {
        if (maxEntries < 1) throw new IllegalArgumentException("max-entries must be positive: " + maxEntries);
        String moved = StateFiles.directory(dir);
        if (moved != null) LOG.warn("returning-player store {} was not a directory; {}; starting afresh", dir, moved);
        Path saltFile = dir.resolve(SALT_FILE), keysFile = dir.resolve(KEYS_FILE);
        byte[] salt = readSalt(saltFile);
        if (salt == null) {
            if (Files.exists(keysFile, LinkOption.NOFOLLOW_LINKS))
                aside(keysFile, "were made under a salt that is gone (no address could match them again)");
            salt = writeSalt(saltFile);
        }
        if (Files.exists(keysFile, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(keysFile)) aside(keysFile, "is not a regular file");
        Mac mac;
        try {
            mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(salt, HMAC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
        FileChannel ch = FileChannel.open(keysFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        SeenAddresses seen = new SeenAddresses(mac, ch, maxEntries);
        seen.load(keysFile);
        return seen;
    }

    /** True when {@code address} was seen before this call; records it either way. */
    public synchronized boolean seenBefore(Ip address) throws IOException {
        long key = key(address);
        if (keys.contains(key)) return true;
        if (keys.size() >= maxEntries) {
            if (!fullLogged) LOG.warn("returning-player store is full ({} addresses); new addresses are no longer remembered", maxEntries);
            fullLogged = true;
            return false;
        }
        keys.add(key);
        one.clear();
        one.putLong(key).flip();
        while (one.hasRemaining()) out.write(one, out.size());
        return false;
    }

    /** Addresses remembered. */
    public synchronized int size() {
        return keys.size();
    }

    long key(Ip address) {
        byte[] b = new byte[16];
        ByteBuffer.wrap(b).putLong(address.hi()).putLong(address.lo());
        return ByteBuffer.wrap(mac.doFinal(b)).getLong();
    }

    private void load(Path file) throws IOException {
        long size = out.size();
        long whole = size - size % 8;
        if (whole != size) {
            LOG.warn("{} ends in a partial record ({} bytes); truncating it", file, size - whole);
            out.truncate(whole);
        }
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long pos = 0;
        while (pos < whole && keys.size() < maxEntries) {
            buf.clear();
            int n = out.read(buf, pos);
            if (n <= 0) break;
            pos += n - n % 8;
            buf.flip();
            while (buf.remaining() >= 8 && keys.size() < maxEntries) keys.add(buf.getLong());
        }
    }

    /** The salt, or null when there is none or it was damaged (then moved aside). */
    private static byte[] readSalt(Path file) throws IOException {
        byte[] salt;
        try {
            salt = StateFiles.read(file, MAX_SALT);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            aside(file, "cannot be used (" + e.getMessage() + ")");
            return null;
        }
        if (salt.length >= MIN_SALT) return salt;
        aside(file, "holds " + salt.length + " bytes, fewer than the " + MIN_SALT + " a salt needs");
        return null;
    }

    private static void aside(Path file, String why) throws IOException {
        String moved = StateFiles.moveAside(file);
        LOG.warn("returning-player store: {} {}; {}; every player counts as new from here", file, why, moved);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) throw new IOException(file + " " + why + " and " + moved);
    }

    /** A fresh random salt, written atomically (temporary file, then rename): a crash never leaves a short one. */
    private static byte[] writeSalt(Path file) throws IOException {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(salt);
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return salt;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** An open-addressing set of longs; 0 is stored out of band. */
    private static final class LongSet {
        private long[] table = new long[1024];
        private int size;
        private boolean hasZero;

        boolean contains(long k) {
            if (k == 0) return hasZero;
            int m = table.length - 1;
            for (int i = spread(k) & m; ; i = (i + 1) & m) {
                if (table[i] == k) return true;
                if (table[i] == 0) return false;
            }
        }

        void add(long k) {
            if (k == 0) {
                if (!hasZero) size++;
                hasZero = true;
                return;
            }
            if ((size + 1) * 2 > table.length) grow();
            int m = table.length - 1;
            for (int i = spread(k) & m; ; i = (i + 1) & m) {
                if (table[i] == k) return;
                if (table[i] == 0) {
                    table[i] = k;
                    size++;
                    return;
                }
            }
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            size = hasZero ? 1 : 0;
            for (long k : old) if (k != 0) add(k);
        }

        private static int spread(long k) {
            return (int) (k ^ (k >>> 32)); // keys are HMAC output: already uniform
        }
    }
}
