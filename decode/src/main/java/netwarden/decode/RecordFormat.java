package netwarden.decode;

import java.util.List;
import netwarden.model.Packet;

/** One container format: walks records and fills the per-record header fields of a Packet. */
sealed interface RecordFormat permits PcapFormat, PcapngFormat {
    /** Captured lengths above this are corrupt (Wireshark's and libpcap's limit for ordinary links). */
    int MAX_CAPTURED = 262_144;

    String name();

    List<Integer> linkTypes();

    /**
     * Reads the next record's header into tsNanos, iface, linkType, wireLen and capLen.
     *
     * @param record the 1-based number the record will have, for error messages
     * @return false at a clean end of file
     */
    boolean next(Packet p, long record) throws DecodeException;

    /** File offset of the current record's captured bytes. */
    long frameOffset();

    /** File offset just after the current record. */
    long position();

    /** Blocks skipped because they carry no packets and are not needed (pcapng only). */
    long skippedBlocks();
}
