package netwarden.sources.live;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * A loaded native library and the small amount of FFM plumbing its bindings share: downcall
 * handles by name, errno capture, and C strings.
 *
 * <p>Contract: {@link #load} tries the names in order and fails with every name tried; a missing
 * symbol fails with the library and symbol named. Handles made with {@code errno = true} take a
 * capture-state segment as their first argument (see {@link #errnoState} and {@link #errno}).
 */
@SuppressWarnings("restricted") // this class is where netwarden's native access is concentrated
public final class NativeLib {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** The whole address space, for reading structs at raw addresses without allocating segments. */
    public static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private final String name;
    private final SymbolLookup lookup;

    private NativeLib(String name, SymbolLookup lookup) {
        this.name = name;
        this.lookup = lookup;
    }

    /** The process's C library (already loaded by the JVM). */
    public static NativeLib libc() {
        return new NativeLib("libc", LINKER.defaultLookup());
    }

    /**
     * A binding built on first use from the first loadable library of a list, shared by the
     * process. A load failure is not remembered: every use retries and throws, so installing the
     * library later works without a restart.
     */
    public static final class Binding<T> {
        private final List<String> names;
        private final java.util.function.Function<NativeLib, T> make;
        private final String library, debianPackage;
        private volatile T instance;

        public Binding(List<String> names, java.util.function.Function<NativeLib, T> make, String library, String debianPackage) {
            this.names = List.copyOf(names);
            this.make = make;
            this.library = library;
            this.debianPackage = debianPackage;
        }

        /** The binding, loaded once; throws UnsatisfiedLinkError naming the libraries tried. */
        public T get() {
            T t = instance;
            if (t == null) {
                synchronized (this) {
                    if (instance == null) instance = make.apply(load(names));
                    t = instance;
                }
            }
            return t;
        }

        /** Null when the library loads, else why not and what to install (for mode selection). */
        public String unavailableReason() {
            try {
                get();
                return null;
            } catch (UnsatisfiedLinkError e) {
                return library + " not found (" + e.getMessage() + "); install " + debianPackage;
            }
        }
    }

    /**
     * Loads the first library of {@code names} that the dynamic loader finds.
     *
     * @throws UnsatisfiedLinkError naming every library tried
     */
    public static NativeLib load(List<String> names) {
        StringBuilder tried = new StringBuilder();
        for (String n : names) {
            try {
                return new NativeLib(n, SymbolLookup.libraryLookup(n, Arena.global()));
            } catch (IllegalArgumentException e) {
                if (!tried.isEmpty()) tried.append(", ");
                tried.append(n);
            }
        }
        throw new UnsatisfiedLinkError("none of these libraries could be loaded: " + tried);
    }

    public String name() {
        return name;
    }

    public MethodHandle function(String symbol, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment address = lookup.find(symbol)
                .orElseThrow(() -> new UnsatisfiedLinkError(name + " has no symbol " + symbol));
        return LINKER.downcallHandle(address, descriptor, options);
    }

    /** A handle whose first argument is a capture-state segment that receives errno. */
    public MethodHandle functionWithErrno(String symbol, FunctionDescriptor descriptor) {
        return function(symbol, descriptor, Linker.Option.captureCallState("errno"));
    }

    public boolean has(String symbol) {
        return lookup.find(symbol).isPresent();
    }

    /** A capture-state segment for handles made by {@link #functionWithErrno}. */
    public static MemorySegment errnoState(Arena arena) {
        return arena.allocate(CAPTURE_LAYOUT);
    }

    public static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** Reads a NUL-terminated string at a raw address; "" for NULL. */
    public static String string(MemorySegment pointer) {
        if (pointer == null || pointer.address() == 0) return "";
        return pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }

    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout C_POINTER = ValueLayout.ADDRESS;
}
