package netwarden.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void numbersAlignRightAddressesAndWordsLeft() {
        TextTable t = new TextTable("address", "packets", "first_seen");
        t.row("10.0.0.1", 5, "1795268313.5");
        t.row("192.168.100.200", 12345, null);
        StringWriter s = new StringWriter();
        t.print(new PrintWriter(s, true), "");
        assertThat(s.toString().lines()).containsExactly(
                "address          packets    first_seen",
                "10.0.0.1               5  1795268313.5",
                "192.168.100.200    12345             -");
    }
}
