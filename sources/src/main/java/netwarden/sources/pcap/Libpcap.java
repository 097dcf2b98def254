package netwarden.sources.pcap;

import static netwarden.sources.live.NativeLib.C_INT;
import static netwarden.sources.live.NativeLib.C_POINTER;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;
import netwarden.sources.live.NativeLib;

/**
 * FFM bindings to the system libpcap ({@code libpcap.so.0.8} on Debian, else {@code libpcap.so.1}):
 * only the calls a live capture needs. Each handle mirrors the C signature; see pcap(3PCAP).
 */
final class Libpcap {
    static final List<String> NAMES = List.of("libpcap.so.0.8", "libpcap.so.1", "libpcap.so");
    static final int ERRBUF_SIZE = 256;
    static final int TSTAMP_PRECISION_NANO = 1;
    static final int ERROR_PERM_DENIED = -8, ERROR_PROMISC_PERM_DENIED = -11, ERROR_NO_SUCH_DEVICE = -5,
            ERROR_IFACE_NOT_UP = -9;
    /** struct pcap_pkthdr on LP64: struct timeval (16), caplen (4), len (4). */
    static final int HDR_CAPLEN = 16, HDR_LEN = 20;
    /** struct bpf_program: u_int bf_len, struct bpf_insn *bf_insns. */
    static final int BPF_PROGRAM_SIZE = 16;
    /** struct pcap_stat: u_int ps_recv, ps_drop, ps_ifdrop. */
    static final int STAT_SIZE = 12;

    private static final NativeLib.Binding<Libpcap> BINDING = new NativeLib.Binding<>(NAMES, Libpcap::new, "libpcap", "libpcap0.8");

    final String library;
    final MethodHandle create, setSnaplen, setPromisc, setImmediate, setBufferSize, setTimeout, setTstampPrecision,
            getTstampPrecision, activate, compile, setFilter, freeCode, nextEx, stats, breakLoop, close, getErr,
            statusToStr, datalink, libVersion;

    private Libpcap(NativeLib lib) {
        library = lib.name();
        create = lib.function("pcap_create", FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER));
        setSnaplen = lib.function("pcap_set_snaplen", FunctionDescriptor.of(C_INT, C_POINTER, C_INT));
        setPromisc = lib.function("pcap_set_promisc", FunctionDescriptor.of(C_INT, C_POINTER, C_INT));
        setImmediate = lib.function("pcap_set_immediate_mode", FunctionDescriptor.of(C_INT, C_POINTER, C_INT));
        setBufferSize = lib.function("pcap_set_buffer_size", FunctionDescriptor.of(C_INT, C_POINTER, C_INT));
        setTimeout = lib.function("pcap_set_timeout", FunctionDescriptor.of(C_INT, C_POINTER, C_INT));
        setTstampPrecision = lib.function("pcap_set_tstamp_precision", FunctionDescriptor.of(C_INT, C_POINTER, C_INT));
        getTstampPrecision = lib.function("pcap_get_tstamp_precision", FunctionDescriptor.of(C_INT, C_POINTER));
        activate = lib.function("pcap_activate", FunctionDescriptor.of(C_INT, C_POINTER));
        compile = lib.function("pcap_compile", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_INT, C_INT));
        setFilter = lib.function("pcap_setfilter", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER));
        freeCode = lib.function("pcap_freecode", FunctionDescriptor.ofVoid(C_POINTER));
        nextEx = lib.function("pcap_next_ex", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER));
        stats = lib.function("pcap_stats", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER));
        breakLoop = lib.function("pcap_breakloop", FunctionDescriptor.ofVoid(C_POINTER));
        close = lib.function("pcap_close", FunctionDescriptor.ofVoid(C_POINTER));
        getErr = lib.function("pcap_geterr", FunctionDescriptor.of(C_POINTER, C_POINTER));
        statusToStr = lib.function("pcap_statustostr", FunctionDescriptor.of(C_POINTER, C_INT));
        datalink = lib.function("pcap_datalink", FunctionDescriptor.of(C_INT, C_POINTER));
        libVersion = lib.function("pcap_lib_version", FunctionDescriptor.of(C_POINTER));
    }

    /**
     * The bindings, loaded once.
     *
     * @throws UnsatisfiedLinkError when no libpcap is installed (the message names the libraries tried)
     */
    static Libpcap get() {
        return BINDING.get();
    }

    /** Null when libpcap loads, else why not (for mode selection). */
    static String unavailableReason() {
        return BINDING.unavailableReason();
    }

    String version() {
        try {
            return NativeLib.string((MemorySegment) libVersion.invokeExact());
        } catch (Throwable t) {
            return library;
        }
    }

    String statusText(int status) {
        try {
            return NativeLib.string((MemorySegment) statusToStr.invokeExact(status));
        } catch (Throwable t) {
            return "status " + status;
        }
    }

    String error(MemorySegment pcap) {
        try {
            return NativeLib.string((MemorySegment) getErr.invokeExact(pcap));
        } catch (Throwable t) {
            return t.toString();
        }
    }
}
