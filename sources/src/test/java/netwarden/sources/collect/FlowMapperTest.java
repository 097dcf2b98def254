package netwarden.sources.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import netwarden.decode.flow.FlowProtocol;
import netwarden.decode.flow.FlowRecord;
import netwarden.model.Ip;
import org.junit.jupiter.api.Test;

/** Decoded records to engine records: sampling, times, biflows and what is refused. */
class FlowMapperTest {
    private static final long RECEIVED = 1_800_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    private static FlowRecord record(String src, String dst, int proto, long rate, long startMs, long endMs, long reverseBytes, long reversePackets) {
        return new FlowRecord(FlowProtocol.IPFIX, Ip.parse("192.0.2.1"), 1, 256, src == null ? null : Ip.parse(src), dst == null ? null : Ip.parse(dst),
                40_000, 53, proto, 1_000, 10, rate, 3, 4, 0x12, startMs, endMs, null, -1, -1, reverseBytes, reversePackets, List.of());
    }

    private static List<netwarden.model.ingest.FlowRecord> map(FlowMapper m, FlowRecord r, FlowMapper.Outcome expected) {
        List<netwarden.model.ingest.FlowRecord> out = new ArrayList<>();
        assertEquals(expected, m.map(r, RECEIVED, out::add));
        return out;
    }

    @Test
    void aKnownRateIsKeptAndAnUnknownOneTakesTheDefaultOrIsRefused() {
        FlowMapper drop = new FlowMapper(0, 30_000 * MS), assume = new FlowMapper(100, 30_000 * MS);
        assertEquals(512, map(drop, record("198.51.100.1", "10.0.0.1", 17, 512, 1_000, 2_000, -1, -1), FlowMapper.Outcome.MAPPED).getFirst().samplingRate());
        assertTrue(map(drop, record("198.51.100.1", "10.0.0.1", 17, 0, 1_000, 2_000, -1, -1), FlowMapper.Outcome.NO_SAMPLING).isEmpty());
        assertEquals(100, map(assume, record("198.51.100.1", "10.0.0.1", 17, 0, 1_000, 2_000, -1, -1), FlowMapper.Outcome.MAPPED).getFirst().samplingRate());
    }

    @Test
    void timesAreEpochNanosAndMissingOnesAreTheReceiveTime() {
        FlowMapper m = new FlowMapper(1, 30_000 * MS);
        var r = map(m, record("198.51.100.1", "10.0.0.1", 6, 1, 1_000, 2_000, -1, -1), FlowMapper.Outcome.MAPPED).getFirst();
        assertEquals(1_000 * MS, r.startNanos());
        assertEquals(2_000 * MS, r.endNanos());
        assertEquals(0x12, r.tcpFlags());
        var none = map(m, record("198.51.100.1", "10.0.0.1", 6, 1, -1, -1, -1, -1), FlowMapper.Outcome.MAPPED).getFirst();
        assertEquals(RECEIVED, none.startNanos());
        assertEquals(RECEIVED, none.endNanos());
    }

    @Test
    void aRecordAheadOfTheClockIsRetimedToItsReceiveTimeKeepingItsDuration() {
        FlowMapper m = new FlowMapper(1, 30_000 * MS);
        long endMs = RECEIVED / MS + 31_000; // 31 s ahead, beyond the 30 s allowed
        var r = map(m, record("198.51.100.1", "10.0.0.1", 17, 1, endMs - 5_000, endMs, -1, -1), FlowMapper.Outcome.RETIMED).getFirst();
        assertEquals(RECEIVED, r.endNanos());
        assertEquals(RECEIVED - 5_000 * MS, r.startNanos());
        map(m, record("198.51.100.1", "10.0.0.1", 17, 1, endMs - 5_000, endMs - 2_000, -1, -1), FlowMapper.Outcome.MAPPED); // 29 s: kept
    }

    @Test
    void aBiflowIsTwoRecordsAndRecordsWithoutAddressesOrProtocolAreIncomplete() {
        FlowMapper m = new FlowMapper(1, 30_000 * MS);
        var both = map(m, record("198.51.100.1", "10.0.0.1", 17, 1, 1_000, 2_000, 700, 7), FlowMapper.Outcome.MAPPED);
        assertEquals(2, both.size());
        assertEquals(Ip.parse("10.0.0.1"), both.get(1).src());
        assertEquals(53, both.get(1).srcPort());
        assertEquals(700, both.get(1).bytes());
        assertEquals(4, both.get(1).inIf());
        map(m, record(null, "10.0.0.1", 17, 1, 1_000, 2_000, -1, -1), FlowMapper.Outcome.INCOMPLETE);
        map(m, record("198.51.100.1", "2001:db8::1", 17, 1, 1_000, 2_000, -1, -1), FlowMapper.Outcome.INCOMPLETE);
        map(m, record("198.51.100.1", "10.0.0.1", -1, 1, 1_000, 2_000, -1, -1), FlowMapper.Outcome.INCOMPLETE);
    }
}
