package netwarden.sources.ebpf;

import static netwarden.sources.live.NativeLib.C_INT;
import static netwarden.sources.live.NativeLib.C_LONG;
import static netwarden.sources.live.NativeLib.C_POINTER;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.List;
import netwarden.sources.live.LibC;
import netwarden.sources.live.NativeLib;

/**
 * FFM bindings to libbpf 1.x ({@code libbpf.so.1}): object load, TC hooks and map batch calls.
 * libbpf 1.x returns negative errno codes from int functions and NULL (with errno set) from
 * pointer functions. Its log output goes to a bounded buffer ({@link #recentLog()}) so a failed
 * load can quote the verifier's words.
 */
@SuppressWarnings("restricted") // the libbpf log callback is an upcall stub
final class Libbpf {
    static final List<String> NAMES = List.of("libbpf.so.1", "libbpf.so");
    static final int TC_INGRESS = 1, TC_EGRESS = 2;
    static final int TC_F_REPLACE = 1;
    /** struct bpf_tc_hook: size_t sz; int ifindex; enum attach_point; __u32 parent; (24 bytes). */
    static final int TC_HOOK_SIZE = 24;
    /** struct bpf_tc_opts: size_t sz; int prog_fd; __u32 flags, prog_id, handle, priority; (32 bytes). */
    static final int TC_OPTS_SIZE = 32;
    private static final int LOG_LINES = 200;

    private static final NativeLib.Binding<Libbpf> BINDING = new NativeLib.Binding<>(NAMES, Libbpf::new, "libbpf", "libbpf1");
    private static final ArrayDeque<String> LOG = new ArrayDeque<>();

    final MethodHandle openMem, load, closeObject, findProgram, programFd, findMap, mapFd, setMaxEntries, hookCreate,
            hookDestroy, attach, detach, query, lookupBatch, lookupAndDeleteBatch, lookupElem, updateElem, strerror,
            possibleCpus;

    private Libbpf(NativeLib lib) {
        openMem = lib.functionWithErrno("bpf_object__open_mem", FunctionDescriptor.of(C_POINTER, C_POINTER, C_LONG, C_POINTER));
        load = lib.function("bpf_object__load", FunctionDescriptor.of(C_INT, C_POINTER));
        closeObject = lib.function("bpf_object__close", FunctionDescriptor.ofVoid(C_POINTER));
        findProgram = lib.function("bpf_object__find_program_by_name", FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER));
        programFd = lib.function("bpf_program__fd", FunctionDescriptor.of(C_INT, C_POINTER));
        findMap = lib.function("bpf_object__find_map_by_name", FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER));
        mapFd = lib.function("bpf_map__fd", FunctionDescriptor.of(C_INT, C_POINTER));
        setMaxEntries = lib.function("bpf_map__set_max_entries", FunctionDescriptor.of(C_INT, C_POINTER, C_INT));
        hookCreate = lib.function("bpf_tc_hook_create", FunctionDescriptor.of(C_INT, C_POINTER));
        hookDestroy = lib.function("bpf_tc_hook_destroy", FunctionDescriptor.of(C_INT, C_POINTER));
        attach = lib.function("bpf_tc_attach", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER));
        detach = lib.function("bpf_tc_detach", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER));
        query = lib.function("bpf_tc_query", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER));
        FunctionDescriptor batch = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER);
        lookupBatch = lib.function("bpf_map_lookup_batch", batch);
        lookupAndDeleteBatch = lib.function("bpf_map_lookup_and_delete_batch", batch);
        lookupElem = lib.function("bpf_map_lookup_elem", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER));
        updateElem = lib.function("bpf_map_update_elem", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER, C_LONG));
        strerror = lib.function("libbpf_strerror", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_LONG));
        possibleCpus = lib.function("libbpf_num_possible_cpus", FunctionDescriptor.of(C_INT));
        installPrintCallback(lib);
    }

    /** The bindings, loaded once; throws UnsatisfiedLinkError naming the libraries tried. */
    static Libbpf get() {
        return BINDING.get();
    }

    /** Null when libbpf loads, else why not. */
    static String unavailableReason() {
        return BINDING.unavailableReason();
    }

    /** libbpf's text for a (negative or positive) error code. */
    String error(int code) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(256);
            int rc = (int) strerror.invokeExact(Math.abs(code), buf, 256L);
            return rc == 0 ? buf.getString(0) + " (errno " + Math.abs(code) + ")" : LibC.strerror(Math.abs(code));
        } catch (Throwable t) {
            return LibC.strerror(Math.abs(code));
        }
    }

    int possibleCpus() {
        try {
            int n = (int) possibleCpus.invokeExact();
            if (n <= 0) throw new IllegalStateException("libbpf_num_possible_cpus failed: " + error(n));
            return n;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The last lines libbpf logged (warnings and the verifier log of a failed load). */
    static String recentLog() {
        synchronized (LOG) {
            return String.join("", LOG);
        }
    }

    static void clearLog() {
        synchronized (LOG) {
            LOG.clear();
        }
    }

    @SuppressWarnings("unused") // called from native code
    private static int print(int level, MemorySegment format, MemorySegment args) {
        if (level > 1) return 0; // LIBBPF_WARN = 0, INFO = 1, DEBUG = 2
        String line = LibC.vformat(format, args);
        synchronized (LOG) {
            if (LOG.size() == LOG_LINES) LOG.removeFirst();
            LOG.addLast(line);
        }
        return 0;
    }

    private static void installPrintCallback(NativeLib lib) {
        try {
            FunctionDescriptor printFn = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER);
            MethodHandle target = MethodHandles.lookup().findStatic(Libbpf.class, "print",
                    MethodType.methodType(int.class, int.class, MemorySegment.class, MemorySegment.class));
            MemorySegment stub = Linker.nativeLinker().upcallStub(target, printFn, Arena.global());
            MethodHandle setPrint = lib.function("libbpf_set_print", FunctionDescriptor.of(C_POINTER, C_POINTER));
            MemorySegment ignored = (MemorySegment) setPrint.invokeExact(stub);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot install the libbpf log callback", t);
        }
    }
}
