package netwarden.engine.sketch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import netwarden.model.Ip;
import org.junit.jupiter.api.Test;

class AddressSetTest {
    @Test
    void matchesAHashSetOverManyAddressesAndDuplicates() {
        AddressSet set = new AddressSet();
        Set<Ip> reference = new HashSet<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 300_000; i++) {
            // A small v4 space forces duplicates; v6 addresses share a /64 like real ones.
            Ip ip = random.nextBoolean() ? Ip.ofV4(random.nextInt(150_000))
                    : Ip.ofV6(0x2001_0db8_0000_0000L, random.nextLong(50_000));
            assertThat(set.add(ip.hi(), ip.lo())).isEqualTo(reference.add(ip));
        }
        assertThat(set.size()).isEqualTo(reference.size());
        for (Ip ip : reference) assertThat(set.contains(ip.hi(), ip.lo())).isTrue();
        assertThat(set.contains(1, 1)).isFalse();
    }

    @Test
    void theAllZeroAddressIsAnOrdinaryMember() {
        AddressSet set = new AddressSet();
        assertThat(set.contains(0, 0)).isFalse();
        assertThat(set.add(0, 0)).isTrue();
        assertThat(set.add(0, 0)).isFalse();
        assertThat(set.add(0, 1)).isTrue();
        assertThat(set.contains(0, 0)).isTrue();
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void zeroOfEachFamilyIsSeparate() {
        AddressSet set = new AddressSet();
        Ip v4Zero = Ip.parse("0.0.0.0");
        assertThat(set.add(v4Zero.hi(), v4Zero.lo())).isTrue();
        assertThat(set.contains(0, 0)).isFalse();
        assertThat(set.add(0, 0)).isTrue();
        assertThat(set.add(v4Zero.hi(), v4Zero.lo())).isFalse();
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void ipv4MappedAndPlainIpv6StayDistinct() {
        AddressSet set = new AddressSet();
        Ip v4 = Ip.parse("10.0.0.1");
        Ip v6 = Ip.parse("::10.0.0.1");
        assertThat(set.add(v4.hi(), v4.lo())).isTrue();
        assertThat(set.add(v6.hi(), v6.lo())).isTrue();
        assertThat(set.size()).isEqualTo(2);
    }
}
