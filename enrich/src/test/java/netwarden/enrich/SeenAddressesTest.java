package netwarden.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
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
    void aShortSaltIsRejected() throws IOException {
        Files.write(dir.resolve(SeenAddresses.SALT_FILE), new byte[4]);
        assertThatThrownBy(() -> SeenAddresses.open(dir, 10)).isInstanceOf(IOException.class)
                .hasMessageContaining("salt must hold at least 16 bytes, found 4");
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
