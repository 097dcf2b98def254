package netwarden.bench;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import netwarden.decode.flow.DecodedDatagram;
import netwarden.decode.flow.FlowDecodeException;
import netwarden.decode.flow.FlowDecoder;
import netwarden.decode.flow.FlowDecoderConfig;
import netwarden.model.Ip;
import netwarden.testkit.ByteWriter;
import netwarden.testkit.FlowExports;
import netwarden.testkit.FlowExports.Field;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: NetFlow v9 and IPFIX data records decoded per second on one core (the decoder is
 * single-threaded, so one benchmark thread is one core). Each datagram holds {@value #RECORDS}
 * records of a typical 18-field IPv4 template (addresses, ports, protocol, flags, counters,
 * interfaces, next hop, AS numbers, masks, times, sampler id) whose template and sampler options the
 * decoder learned in setup; the sampling rate is resolved per record from the options table.
 * Run: see BENCHMARKS.md, "Flow decoding".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FlowDecodeBench {
    static final int RECORDS = 24;
    private static final Ip EXPORTER = Ip.parse("192.0.2.1");
    private static final Field[] TEMPLATE = {Field.of(8, 4), Field.of(12, 4), Field.of(7, 2), Field.of(11, 2), Field.of(4, 1),
        Field.of(6, 1), Field.of(5, 1), Field.of(1, 4), Field.of(2, 4), Field.of(10, 4), Field.of(14, 4), Field.of(15, 4),
        Field.of(16, 4), Field.of(17, 4), Field.of(9, 1), Field.of(13, 1), Field.of(22, 4), Field.of(21, 4), Field.of(48, 1)};

    private FlowDecoder decoder;
    private MemorySegment v9, ipfix;

    @Setup
    public void setUp() throws FlowDecodeException {
        decoder = new FlowDecoder(FlowDecoderConfig.defaults());
        ByteWriter records = new ByteWriter();
        for (int i = 0; i < RECORDS; i++) {
            records.u32(0x0a000000 | i).u32(0xc6336401).u16(40000 + i).u16(27015).u8(17).u8(0).u8(0).u32(1200L * i + 60)
                    .u32(i + 1).u32(3).u32(4).u32(0xc0000201).u32(64500).u32(64501).u8(24).u8(16).u32(9000).u32(9500).u8(1);
        }
        byte[] body = records.toByteArray();
        byte[] options = FlowExports.v9(1).optionsTemplate(300, 1, Field.of(1, 4), Field.of(48, 1), Field.of(34, 4))
                .data(300, 1, new ByteWriter().u32(0).u8(1).u32(1000).toByteArray()).toByteArray();
        decoder.decode(EXPORTER, MemorySegment.ofArray(options));
        decoder.decode(EXPORTER, MemorySegment.ofArray(FlowExports.v9(1).template(256, TEMPLATE).toByteArray()));
        decoder.decode(EXPORTER, MemorySegment.ofArray(FlowExports.ipfix(1).template(256, TEMPLATE).toByteArray()));
        v9 = MemorySegment.ofArray(FlowExports.v9(1).data(256, RECORDS, body).toByteArray());
        ipfix = MemorySegment.ofArray(FlowExports.ipfix(1).data(256, RECORDS, body).toByteArray());
        if (decoder.decode(EXPORTER, v9).dataRecords() != RECORDS || decoder.decode(EXPORTER, ipfix).dataRecords() != RECORDS) {
            throw new IllegalStateException("the benchmark datagrams do not decode to " + RECORDS + " records");
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public DecodedDatagram netflow9() throws FlowDecodeException {
        return decoder.decode(EXPORTER, v9);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public DecodedDatagram ipfix() throws FlowDecodeException {
        return decoder.decode(EXPORTER, ipfix);
    }
}
