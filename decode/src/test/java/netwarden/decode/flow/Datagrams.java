package netwarden.decode.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import netwarden.model.Ip;

/** Helpers for decoder unit tests: decode bytes, cut them at every byte. */
final class Datagrams {
    static final Ip EXPORTER = Ip.parse("192.0.2.1");

    private Datagrams() {}

    static DecodedDatagram decode(FlowDecoder d, byte[] bytes) {
        return decode(d, EXPORTER, bytes);
    }

    static DecodedDatagram decode(FlowDecoder d, Ip source, byte[] bytes) {
        try {
            return d.decode(source, MemorySegment.ofArray(bytes));
        } catch (FlowDecodeException e) {
            return fail("unexpected: " + e.getMessage());
        }
    }

    static FlowDecodeException error(FlowDecoder d, byte[] bytes) {
        try {
            d.decode(EXPORTER, MemorySegment.ofArray(bytes));
        } catch (FlowDecodeException e) {
            assertThat(e.offset()).isBetween(0L, (long) bytes.length);
            assertThat(e.getMessage()).contains(e.reason()).startsWith(e.decoder());
            return e;
        }
        return fail("no error for " + bytes.length + " bytes");
    }

    /**
     * Cuts {@code full} at every length below its own: each cut must raise {@link FlowDecodeException}
     * (and nothing else), except at the {@code whole} lengths, where the cut leaves whole sets or samples.
     */
    static void everyCut(Supplier<FlowDecoder> decoders, byte[] full, Set<Integer> whole) {
        for (int n = 0; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            FlowDecoder d = decoders.get();
            if (whole.contains(n)) {
                decode(d, cut);
            } else {
                int len = n;
                assertThatThrownBy(() -> d.decode(EXPORTER, MemorySegment.ofArray(cut)))
                        .as("cut at %d of %d", len, full.length).isInstanceOf(FlowDecodeException.class);
            }
        }
    }
}
