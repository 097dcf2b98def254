package netwarden.sources.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CapabilitiesTest {
    private static Capabilities of(int... caps) {
        long bits = 0;
        for (int c : caps) bits |= 1L << c;
        return new Capabilities(bits);
    }

    @Test
    void parsesCapEffFromAStatusFile() {
        Capabilities root = Capabilities.parseStatus("Name:\tjava\nCapInh:\t0000000000000000\nCapEff:\t000001fffeffffff\nCapBnd:\t0\n");
        assertThat(root.canEbpf()).isTrue();
        assertThat(root.canPcap()).isTrue();
        Capabilities none = Capabilities.parseStatus("CapEff:\t0000000000000000\n");
        assertThat(none.canEbpf()).isFalse();
        assertThat(none.canPcap()).isFalse();
        assertThat(none.missingForEbpf()).containsExactly("CAP_BPF", "CAP_NET_ADMIN");
        assertThatThrownBy(() -> Capabilities.parseStatus("Name: x\n")).hasMessage("no CapEff line in the status text");
        assertThatThrownBy(() -> Capabilities.parseStatus("CapEff:\tzz\n")).hasMessage("CapEff is not hexadecimal: 'zz'");
    }

    @Test
    void ebpfNeedsNetAdminAndBpfOrSysAdmin() {
        assertThat(of(Capabilities.CAP_BPF, Capabilities.CAP_NET_ADMIN).canEbpf()).isTrue();
        assertThat(of(Capabilities.CAP_SYS_ADMIN, Capabilities.CAP_NET_ADMIN).canEbpf()).isTrue();
        assertThat(of(Capabilities.CAP_BPF).canEbpf()).isFalse();
        assertThat(of(Capabilities.CAP_BPF).missingForEbpf()).containsExactly("CAP_NET_ADMIN");
        assertThat(of(Capabilities.CAP_NET_RAW).canPcap()).isTrue();
    }
}
