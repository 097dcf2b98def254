package netwarden.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The interfaces (IDBs) of a pcapng file. Interface ids in packet blocks are local to their section;
 * {@link netwarden.model.Packet#iface} and {@link #linkTypes()} use the global index in file order instead.
 */
final class PcapngInterfaces {
    private int[] linkType = new int[4];
    private long[] snaplen = new long[4];
    private int[] tsresol = new int[4];
    private long[] tsoffsetNanos = new long[4];
    private int count;
    private int sectionStart;
    private final List<Integer> linkTypes = new ArrayList<>();

    /** A new section header: interface ids restart at 0. */
    void newSection() {
        sectionStart = count;
    }

    /** @param offsetSeconds if_tsoffset: seconds added to every timestamp of the interface */
    int add(int link, long snap, int resolution, long offsetSeconds) {
        if (count == linkType.length) {
            linkType = Arrays.copyOf(linkType, count * 2);
            snaplen = Arrays.copyOf(snaplen, count * 2);
            tsresol = Arrays.copyOf(tsresol, count * 2);
            tsoffsetNanos = Arrays.copyOf(tsoffsetNanos, count * 2);
        }
        linkType[count] = link;
        snaplen[count] = snap;
        tsresol[count] = resolution;
        tsoffsetNanos[count] = offsetSeconds * 1_000_000_000L; // wraps like the timestamps themselves
        linkTypes.add(link);
        return count++;
    }

    /** Interfaces described so far in the current section. */
    int inSection() {
        return count - sectionStart;
    }

    /** Global index of the section-local interface id (caller checked it is below {@link #inSection()}). */
    int global(long localId) {
        return sectionStart + (int) localId;
    }

    int linkType(int global) {
        return linkType[global];
    }

    long snaplen(int global) {
        return snaplen[global];
    }

    long toNanos(int global, long units) {
        return Timestamps.toNanos(tsresol[global], units) + tsoffsetNanos[global];
    }

    List<Integer> linkTypes() {
        return List.copyOf(linkTypes);
    }
}
