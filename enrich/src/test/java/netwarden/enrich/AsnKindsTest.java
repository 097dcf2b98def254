package netwarden.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsnKindsTest {
    @TempDir
    Path dir;

    @Test
    void builtInListKnowsWellKnownHostingAndVpnNetworks() {
        AsnKinds k = AsnKinds.builtIn();
        assertThat(k.kind(16509)).isEqualTo(NetworkKind.HOSTING);
        assertThat(k.kind(14061)).isEqualTo(NetworkKind.HOSTING);
        assertThat(k.kind(39351)).isEqualTo(NetworkKind.VPN);
        assertThat(k.kind(3320)).isNull(); // Deutsche Telekom: residential
        assertThat(k.size()).isGreaterThan(20);
    }

    @Test
    void userFilesAddChangeAndRemoveEntries() throws IOException {
        Path f = dir.resolve("mine.txt");
        Files.writeString(f, "# my list\nAS64500 vpn  # a VPN provider\n64501 PROXY\n13335 none\n16509 vpn\n");
        AsnKinds k = AsnKinds.load(List.of(f));
        assertThat(k.kind(64500)).isEqualTo(NetworkKind.VPN);
        assertThat(k.kind(64501)).isEqualTo(NetworkKind.PROXY);
        assertThat(k.kind(13335)).isNull();
        assertThat(k.kind(16509)).isEqualTo(NetworkKind.VPN);
    }

    @Test
    void badLinesNameFileAndLine() throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "64500 vpn\n64501 cloud\n");
        assertThatThrownBy(() -> AsnKinds.load(List.of(f))).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.txt:2").hasMessageContaining("cloud");
        Files.writeString(f, "ASX vpn\n");
        assertThatThrownBy(() -> AsnKinds.load(List.of(f))).hasMessageContaining("bad.txt:1: not an AS number: ASX");
        Files.writeString(f, "64500\n");
        assertThatThrownBy(() -> AsnKinds.load(List.of(f))).hasMessageContaining("expected 'AS-number kind'");
    }
}
