package netwarden.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectStringsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "connect play.example.org:27960 | connect play.example.org:27960",
        "connect 203.0.113.5:27015; password hunter2 | connect 203.0.113.5:27015",
        "connect 203.0.113.5:27015;password \"two words\" | connect 203.0.113.5:27015",
        "+connect 203.0.113.5:27960 +password hunter2 | +connect 203.0.113.5:27960",
        "+set password hunter2 +connect q3.example.org | +connect q3.example.org",
        "+connect q3.example.org +set g_password hunter2 | +connect q3.example.org",
        "connect q3.example.org; rcon_password hunter2 | connect q3.example.org",
        "steam://connect/203.0.113.5:27015/hunter2 | steam://connect/203.0.113.5:27015",
        "steam://connect/203.0.113.5:27015 | steam://connect/203.0.113.5:27015",
        "minecraft://mc.example.org:25565?password=hunter2 | minecraft://mc.example.org:25565",
        "https://join.example.org/?server=eu1&pw=hunter2&mode=ctf | https://join.example.org/?server=eu1&mode=ctf",
        "https://join.example.org/?pass=hunter2&server=eu1 | https://join.example.org/?server=eu1",
        "mumble://alice:hunter2@voice.example.org:64738 | mumble://alice@voice.example.org:64738",
        "alice:hunter2@voice.example.org:64738 | alice@voice.example.org:64738",
        "ts3server://ts.example.org?port=9987&password=hunter2 | ts3server://ts.example.org?port=9987",
        "connect passage.example.org:27960 | connect passage.example.org:27960",
    })
    void stripsPasswords(String in, String out) {
        String clean = ConnectStrings.withoutSecrets(in);
        assertThat(clean).isEqualTo(out);
        assertThat(clean).doesNotContain("hunter2").doesNotContain("two words");
    }

    @org.junit.jupiter.api.Test
    void nullStaysNull() {
        assertThat(ConnectStrings.withoutSecrets(null)).isNull();
    }
}
