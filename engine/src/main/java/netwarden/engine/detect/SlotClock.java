package netwarden.engine.detect;

import java.util.ArrayList;
import java.util.List;
import netwarden.model.Ticker;

/**
 * The detector's 100 ms slot clock and the set of live scopes it walks.
 *
 * <p>Design notes: a scope is live from its first packet until it has been quiet for
 * {@link #IDLE_SLOTS} slots without an incident; only live scopes are evaluated, so an idle service
 * costs nothing. When time moves past a slot, every live scope is handed to the {@link Job} once
 * for that slot, and for the second too when the slot is a second's last. After a long silence the
 * clock does not walk every empty slot: it closes one second's worth, then jumps, and the job
 * catches each scope up in one step. The time spent evaluating is read from the injected
 * {@link Ticker}. All on the pipeline thread.
 */
final class SlotClock {
    static final int IDLE_SLOTS = 20;

    /** What happens to a live scope as time passes. */
    interface Job {
        /** The slot {@code closing} ended; {@code secondEnds} when it was the last slot of a second. */
        void slotClosed(Scope s, long closing, boolean secondEnds);

        /** A scope went quiet for {@code seconds} whole seconds (it was idle, or the clock jumped). */
        void silence(Scope s, long seconds);

        /** The clock jumped to {@code nowNanos} over a long silence; the scope's fast state is stale. */
        void jumped(Scope s, long nowNanos);
    }

    private final Ticker ticker;
    private final Job job;
    /** Live scopes by kind, walked most specific first: service, host, spray, then the network (see {@link #order}). */
    private final List<List<Scope>> live = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    private long slot = Long.MIN_VALUE;
    private long evaluations, evaluationNanos;

    SlotClock(Ticker ticker, Job job) {
        this.ticker = ticker;
        this.job = job;
    }

    boolean started() {
        return slot != Long.MIN_VALUE;
    }

    /** The open slot. */
    long slot() {
        return slot;
    }

    long evaluations() {
        return evaluations;
    }

    long evaluationNanos() {
        return evaluationNanos;
    }

    /** Closes every slot that ended at or before {@code nanos}. */
    void advanceTo(long nanos) {
        long target = Math.floorDiv(nanos, Slots.SLOT_NANOS);
        if (slot == Long.MIN_VALUE) {
            slot = target;
            return;
        }
        while (slot < target) {
            if (target - slot > IDLE_SLOTS + Slots.COUNT) {
                for (int i = 0; i <= Slots.COUNT; i++) closeSlot();
                jump(target);
            } else {
                closeSlot();
            }
        }
    }

    /** A packet reached the scope in the open slot: it is (or becomes) live, caught up on the seconds it was idle. */
    void touch(Scope s) {
        s.slots.roll(slot);
        s.lastPacketSlot = slot;
        if (!s.live) {
            s.live = true;
            long second = Math.floorDiv(slot, Slots.COUNT);
            if (s.lastSecond != Long.MIN_VALUE) job.silence(s, second - s.lastSecond - 1);
            s.lastSecond = second - 1;
            live.get(order(s)).add(s);
        }
    }

    /** Walk order of a scope's kind: a spray (one vector over many hosts) is more specific than the network. */
    private static int order(Scope s) {
        return switch (s.kind) {
            case SERVICE -> 0;
            case HOST -> 1;
            case SPRAY -> 2;
            case NETWORK -> 3;
        };
    }

    /** Forgets a scope (its service was removed). */
    void forget(Scope s) {
        live.get(order(s)).remove(s);
        s.live = false;
    }

    /** Closes the open slot (end of input). */
    void closeLast() {
        if (slot != Long.MIN_VALUE) closeSlot();
    }

    /** Closes every slot up to and including {@code last} (end of input: a last second of evaluation). */
    void closeThrough(long last) {
        if (slot == Long.MIN_VALUE) return;
        while (slot <= last) closeSlot();
    }

    private void closeSlot() {
        long closing = slot;
        long t0 = ticker.nanos();
        boolean secondEnds = Math.floorMod(closing + 1, (long) Slots.COUNT) == 0;
        for (List<Scope> scopes : live) {
            for (int i = scopes.size() - 1; i >= 0; i--) {
                Scope s = scopes.get(i);
                s.slots.roll(closing);
                job.slotClosed(s, closing, secondEnds);
                evaluations++;
                if (s.incident == null && closing - s.lastPacketSlot >= IDLE_SLOTS) {
                    s.live = false;
                    scopes.remove(i);
                }
            }
        }
        evaluationNanos += ticker.nanos() - t0;
        slot = closing + 1;
    }

    /** After a long silence: evaluate nothing slot by slot, let the job end what is due, and resume at {@code target}. */
    private void jump(long target) {
        long now = target * Slots.SLOT_NANOS;
        long second = Math.floorDiv(target, Slots.COUNT);
        for (List<Scope> scopes : live) {
            for (int i = scopes.size() - 1; i >= 0; i--) {
                Scope s = scopes.get(i);
                job.silence(s, second - s.lastSecond - 1);
                s.lastSecond = second - 1;
                job.jumped(s, now);
                if (s.incident == null) {
                    s.live = false;
                    scopes.remove(i);
                }
            }
        }
        slot = target;
    }
}
