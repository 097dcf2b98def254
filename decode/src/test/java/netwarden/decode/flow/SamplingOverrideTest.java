package netwarden.decode.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import netwarden.model.Ip;
import org.junit.jupiter.api.Test;

class SamplingOverrideTest {
    @Test
    void longestPrefixWins() {
        Sampling s = new Sampling(List.of(SamplingOverride.parse("192.0.2.0/24=100"), SamplingOverride.parse("192.0.2.7=7"),
                SamplingOverride.parse("2001:db8::/32=32"), SamplingOverride.parse("0.0.0.0/0=1")));
        assertThat(s.override(Ip.parse("192.0.2.7"))).isEqualTo(7);
        assertThat(s.override(Ip.parse("192.0.2.8"))).isEqualTo(100);
        assertThat(s.override(Ip.parse("198.51.100.1"))).isEqualTo(1);
        assertThat(s.override(Ip.parse("2001:db8:1::1"))).isEqualTo(32);
        assertThat(s.override(Ip.parse("2001:db9::1"))).isZero();
    }

    @Test
    void ratesFromOptionsAreKeptPerSampler() {
        Sampling s = new Sampling(List.of());
        Ip e = Ip.parse("192.0.2.1");
        s.learn(e, 9, 0, 1, 2000);
        assertThat(s.resolve(e, 9, 0, 1, 0)).isEqualTo(2000);
        assertThat(s.resolve(e, 9, 0, 5, 0)).as("a single sampler in the domain stands for all").isEqualTo(2000);
        s.learn(e, 9, 0, 2, 4000);
        assertThat(s.resolve(e, 9, 0, 5, 0)).isZero();
        assertThat(s.resolve(e, 9, 1, 1, 0)).isZero();
        assertThat(s.resolve(e, 9, 0, 2, 0)).isEqualTo(4000);
        assertThat(s.resolve(e, 9, 0, 2, 10)).as("the record's own rate").isEqualTo(10);
    }

    @Test
    void rateArithmetic() {
        assertThat(Sampling.rate(-1, 1, 9, -1, -1)).isEqualTo(10);
        assertThat(Sampling.rate(-1, -1, -1, 2, 2048)).isEqualTo(1024);
        assertThat(Sampling.rate(0, 0, 5, 0, 0)).isZero();
    }

    @Test
    void rejectsBadOverrides() {
        assertThatThrownBy(() -> SamplingOverride.parse("192.0.2.0/33=1")).hasMessageContaining("0..32");
        assertThatThrownBy(() -> SamplingOverride.parse("192.0.2.0=0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> SamplingOverride.parse("192.0.2.0")).hasMessageContaining("ADDR[/LEN]=RATE");
        assertThatThrownBy(() -> SamplingOverride.parse("x=1")).hasMessageContaining("not an IP address");
    }
}
