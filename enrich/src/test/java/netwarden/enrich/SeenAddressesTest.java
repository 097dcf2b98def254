package netwarden.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import netwarden.model.Ip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenAddressesTest {
    @TempDir
    Path dir;

    @Test
    void remembersAddressesAcrossRestartsWithoutStoringThem() throws IOException {
        Ip a = Ip.parse("203.0.113.7"), b = Ip.parse("2001:db8::7");
        try (SeenAddresses seen = SeenAddresses.open(dir, 1000)) {
            assertThat(seen.seenBefore(a)).isFalse();
            assertThat(seen.seenBefore(a)).isTrue();
            assertThat(seen.seenBefore(b)).isFalse();
            assertThat(seen.size()).isEqualTo(2);
        }
        try (SeenAddresses seen = SeenAddresses.open(dir, 1000)) {
            assertThat(seen.size()).isEqualTo(2);
            assertThat(seen.seenBefore(b)).isTrue();
            assertThat(seen.seenBefore(a)).isTrue();
            assertThat(seen.seenBefore(Ip.parse("203.0.113.8"))).isFalse();
        }
        byte[] keys = Files.readAllBytes(dir.resolve(SeenAddresses.KEYS_FILE));
        assertThat(keys).hasSize(3 * 8);
        assertThat(contains(keys, a.bytes())).isFalse();
        assertThat(contains(keys, new byte[] {(byte) 203, 0, 113})).isFalse();
        assertThat(contains(keys, b.bytes())).isFalse();
        assertThat(Files.getPosixFilePermissions(dir.resolve(SeenAddresses.SALT_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.size(dir.resolve(SeenAddresses.SALT_FILE))).isEqualTo(32);
    }

    @Test
    void keysDependOnTheSaltSoAnotherInstallationCannotMatchThem() throws IOException {
        Ip a = Ip.parse("198.51.100.1");
        long k1, k2;
        try (SeenAddresses s = SeenAddresses.open(dir.resolve("one"), 10)) {
            k1 = s.key(a);
        }
        try (SeenAddresses s = SeenAddresses.open(dir.resolve("two"), 10)) {
            k2 = s.key(a);
        }
        assertThat(k1).isNotEqualTo(k2);
    }

    @Test
    void aTornLastRecordIsCutOffAndAFullStoreStopsRemembering() throws IOException {
        try (SeenAddresses seen = SeenAddresses.open(dir, 2)) {
            seen.seenBefore(Ip.parse("192.0.2.1"));
        }
        Files.write(dir.resolve(SeenAddresses.KEYS_FILE), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        try (SeenAddresses seen = SeenAddresses.open(dir, 2)) {
            assertThat(seen.size()).isEqualTo(1);
            assertThat(seen.seenBefore(Ip.parse("192.0.2.1"))).isTrue();
            assertThat(seen.seenBefore(Ip.parse("192.0.2.2"))).isFalse();
            assertThat(seen.seenBefore(Ip.parse("192.0.2.3"))).isFalse();
            assertThat(seen.seenBefore(Ip.parse("192.0.2.3"))).isFalse(); // full: not remembered
        }
        assertThat(Files.size(dir.resolve(SeenAddresses.KEYS_FILE))).isEqualTo(16);
    }

    @Test
    void aDamagedSaltIsMovedAsideWithItsKeysAndTheStoreStartsAfresh() throws IOException {
        Path salt = dir.resolve(SeenAddresses.SALT_FILE), keys = dir.resolve(SeenAddresses.KEYS_FILE);
        Ip a = Ip.parse("192.0.2.1");
        for (String damage : new String[] {"empty", "short", "directory", "dev-zero", "oversized", "dangling"}) {
            try (SeenAddresses seen = SeenAddresses.open(dir, 10)) {
                seen.seenBefore(a);
            }
            Files.delete(salt);
            switch (damage) {
                case "empty" -> Files.write(salt, new byte[0]);
                case "short" -> Files.write(salt, new byte[4]);
                case "directory" -> Files.createDirectories(salt.resolve("inside"));
                case "dev-zero" -> Files.createSymbolicLink(salt, Path.of("/dev/zero"));
                case "oversized" -> Files.write(salt, new byte[1 << 20]);
                default -> Files.createSymbolicLink(salt, dir.resolve("nowhere"));
            }
            try (SeenAddresses seen = SeenAddresses.open(dir, 10)) {
                assertThat(seen.size()).as(damage + ": the old keys were made under the lost salt").isZero();
                assertThat(seen.seenBefore(a)).isFalse();
                assertThat(seen.seenBefore(a)).isTrue();
            }
            assertThat(salt).as(damage).isRegularFile().hasSize(32);
            assertThat(Files.getPosixFilePermissions(salt)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.exists(dir.resolve(SeenAddresses.SALT_FILE + ".corrupt"), LinkOption.NOFOLLOW_LINKS)).as(damage).isTrue();
            assertThat(dir.resolve(SeenAddresses.KEYS_FILE + ".corrupt")).as(damage).hasSize(8);
            assertThat(keys).hasSize(8);
            assertThat(dir.resolve(SeenAddresses.SALT_FILE + ".tmp")).as("written atomically, nothing left behind").doesNotExist();
            try (SeenAddresses seen = SeenAddresses.open(dir, 10)) {
                assertThat(seen.seenBefore(a)).as(damage + ": the new salt holds").isTrue();
            }
            deleteAside();
        }
    }

    @Test
    void aFileWhereTheStoreOrItsKeysShouldBeIsMovedAside() throws IOException {
        Path store = dir.resolve("returning");
        Files.writeString(store, "not a directory");
        try (SeenAddresses seen = SeenAddresses.open(store, 10)) {
            assertThat(seen.seenBefore(Ip.parse("192.0.2.1"))).isFalse();
        }
        assertThat(store).isDirectory();
        assertThat(dir.resolve("returning.corrupt")).hasContent("not a directory");

        Path keys = store.resolve(SeenAddresses.KEYS_FILE);
        Files.delete(keys);
        Files.createSymbolicLink(keys, Path.of("/dev/zero"));
        try (SeenAddresses seen = SeenAddresses.open(store, 10)) {
            assertThat(seen.size()).isZero();
            assertThat(seen.seenBefore(Ip.parse("192.0.2.1"))).isFalse();
        }
        assertThat(keys).isRegularFile().hasSize(8);
        assertThat(Files.isSymbolicLink(store.resolve(SeenAddresses.KEYS_FILE + ".corrupt"))).isTrue();
    }

    @Test
    void aHugeKeysFileIsReadOnlyUpToTheLimit() throws IOException {
        try (SeenAddresses seen = SeenAddresses.open(dir, 4)) {
            seen.seenBefore(Ip.parse("192.0.2.1"));
        }
        try (var ch = java.nio.channels.FileChannel.open(dir.resolve(SeenAddresses.KEYS_FILE), java.nio.file.StandardOpenOption.WRITE)) {
            byte[] random = new byte[1 << 16];
            new java.util.SplittableRandom(7).nextBytes(random);
            ch.write(java.nio.ByteBuffer.wrap(random), 8);
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {9}), 64L << 20); // then sparse up to 64 MB
        }
        try (SeenAddresses seen = SeenAddresses.open(dir, 4)) {
            assertThat(seen.size()).isEqualTo(4);
            assertThat(seen.seenBefore(Ip.parse("192.0.2.1"))).isTrue();
        }
    }

    private void deleteAside() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().contains(".corrupt")).toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    try (var in = Files.walk(p)) {
                        for (Path q : in.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
                    }
                } else {
                    Files.delete(p);
                }
            }
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
