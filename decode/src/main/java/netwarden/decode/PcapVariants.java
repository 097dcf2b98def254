package netwarden.decode;

/**
 * Guesses the record header length of a microsecond pcap file the way Wireshark does: for each
 * candidate layout, read up to three record headers and count what looks wrong (fraction of a
 * second of a million or more, captured length above the maximum, above the snaplen or above the
 * original length, original length above 128 MiB, data running past the end). The first layout
 * with nothing wrong wins, else the one with the fewest problems (earliest on ties).
 *
 * <p>Candidates: standard magic: 16 (standard), 24 (ss990417), 20 (Nokia); modified magic:
 * 24 (ss991029), 28 (ss990915). Ordinary files always pick 16 on the first try.
 */
final class PcapVariants {
    static final int STANDARD = 16, NOKIA = 20, MODIFIED = 24, SS990915 = 28;
    private static final int[] FOR_STANDARD_MAGIC = {STANDARD, MODIFIED, NOKIA};
    private static final int[] FOR_MODIFIED_MAGIC = {MODIFIED, SS990915};
    private static final int RECORDS_TO_TRY = 3;
    private static final long MAX_ORIGINAL = 128L * 1024 * 1024;

    private PcapVariants() {}

    static int choose(PcapFormat f, boolean modifiedMagic, long snaplen) {
        int[] candidates = modifiedMagic ? FOR_MODIFIED_MAGIC : FOR_STANDARD_MAGIC;
        int best = candidates[0], bestDemerit = Integer.MAX_VALUE;
        for (int headerLen : candidates) {
            int demerit = demerit(f, headerLen, snaplen);
            if (demerit == 0) return headerLen;
            if (demerit < bestDemerit) {
                best = headerLen;
                bestDemerit = demerit;
            }
        }
        return best;
    }

    /** Problems seen in the first records if headers were {@code headerLen} bytes long; 0 = looks right. */
    private static int demerit(PcapFormat f, int headerLen, long snaplen) {
        long at = PcapFormat.FILE_HEADER;
        for (int i = 0; i < RECORDS_TO_TRY; i++) {
            long remaining = f.size() - at;
            if (remaining == 0) return 0; // clean end: consistent with this layout
            if (remaining < headerLen) return 1;
            long captured = f.capturedLength(at), original = f.originalLength(at);
            int problems = 0;
            if (f.fraction(at) >= 1_000_000) problems++;
            if (captured > RecordFormat.MAX_CAPTURED) problems++;
            if (original > MAX_ORIGINAL) problems++;
            if (snaplen != 0 && captured > snaplen) problems++; // 0: snaplen unknown
            if (captured > original) problems++;
            if (problems != 0) return problems;
            if (captured > remaining - headerLen) return 1;
            at += headerLen + captured;
        }
        return 0;
    }
}
