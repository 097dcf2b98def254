package netwarden.sources.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** /proc/net/udp as Linux 6.1 writes it: the drops column of the sockets on one port. */
class KernelUdpTest {
    private static final String TABLE = """
               sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
              412: 0100007F:0807 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 81234 2 0000000000000000 17
              413: 00000000:18BB 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 81235 2 0000000000000000 5
              500: 0200007F:0807 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 81236 2 0000000000000000 3
            """;

    @Test
    void sumsTheDropsOfTheSocketsOnThePort() {
        assertEquals(20, KernelUdp.drops(TABLE, 2055)); // 0x0807, on 127.0.0.1 and 127.0.0.2
        assertEquals(5, KernelUdp.drops(TABLE, 6331));
        assertEquals(0, KernelUdp.drops(TABLE, 9995));
        assertEquals(0, KernelUdp.drops("garbage\n1: x", 2055));
    }
}
