package netwarden.engine.detect;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Comparator;
import netwarden.model.CapturedFrame;
import netwarden.model.Packet;

/**
 * The frames an incident's sample starts with. Before any incident, each scope keeps copies of
 * the first {@link Scope#PRE_FRAMES} frames of each of its last ten slots (a few copies per 100 ms,
 * cheap); when an incident opens, the kept frames from its onset on seed its sample, so even an
 * attack over before it was detected (a 20 ms burst) leaves its own packets behind. Once open,
 * the incident samples for itself ({@link IncidentState#feed}).
 */
final class OnsetSample {
    private OnsetSample() {}

    /** Keeps a copy of the frame if it is among the first few of the open slot for this scope. */
    static void keep(Scope s, Packet p, MemorySegment data, long frameOffset, long slot) {
        if (s.preSlot != slot) {
            s.preSlot = slot;
            s.preCount = 0;
        }
        if (s.preCount >= Scope.PRE_FRAMES) return;
        int i = (int) Math.floorMod(slot, (long) Slots.COUNT) * Scope.PRE_FRAMES + s.preCount++;
        s.preFrames[i] = CapturedFrame.copy(p, p.linkType, data, frameOffset);
        s.preFrameSlot[i] = slot;
    }

    /** Starts the incident's sample with the frames the scope kept from the onset on, oldest first, up to {@code limit}. */
    static void seed(IncidentState inc, Scope s, int limit) {
        var early = new ArrayList<CapturedFrame>();
        for (int i = 0; i < s.preFrames.length; i++)
            if (s.preFrames[i] != null && s.preFrameSlot[i] >= inc.onsetSlot) early.add(s.preFrames[i]);
        early.sort(Comparator.comparingLong(CapturedFrame::tsNanos));
        for (CapturedFrame f : early) if (inc.sample.size() < limit) inc.sample.add(f);
    }
}
