package netwarden.engine;

import netwarden.engine.flow.Flow;
import netwarden.model.Proto;

/**
 * Decides, once per closed second, whether a flow plays: see {@link PlayerConfig} for the rules.
 * Query-only hosts never reach the inbound floor, one-way floods and reflections never get the
 * service's answers, so neither can join.
 */
final class PlayerRules {
    private final PlayerConfig cfg;
    private final long windowMask;
    private final int joinSeconds;
    private final long joinAfterNanos;
    private final long leaveAfterNanos;

    PlayerRules(PlayerConfig cfg) {
        this.cfg = cfg;
        int window = (int) cfg.activityWindow().toSeconds();
        this.windowMask = window >= 64 ? -1L : (1L << window) - 1;
        this.joinSeconds = (int) cfg.joinAfter().toSeconds();
        this.joinAfterNanos = cfg.joinAfter().toNanos();
        this.leaveAfterNanos = cfg.leaveAfter().toNanos();
    }

    /** Shifts the flow's qualification history to {@code second} and records whether that second qualified. */
    void recordSecond(Flow f, long second) {
        boolean current = f.binSecond == second;
        boolean qualifies = current && f.binIn >= cfg.minPpsIn() && f.binOut >= cfg.minPpsOut();
        if (f.qualSecond == Long.MIN_VALUE) f.qualBits = 0;
        else {
            long shift = second - f.qualSecond;
            if (shift <= 0) return; // already recorded
            f.qualBits = shift >= 64 ? 0 : f.qualBits << shift;
        }
        if (qualifies) f.qualBits |= 1;
        f.qualSecond = second;
    }

    /** True when a flow that is not yet a player should join at {@code nowNanos}. */
    boolean shouldJoin(Flow f, int proto, long nowNanos) {
        if (f.isPlayer() || f.firstSeen == 0) return false;
        if (proto == Proto.TCP)
            return f.tcpDataIn && f.tcpDataOut && !f.tcpClosed && nowNanos - f.firstSeen >= joinAfterNanos;
        return Long.bitCount(f.qualBits & windowMask) >= joinSeconds;
    }

    /** True when a player has gone: silent for leave-after, its TCP connection closed, or its flow evicted. */
    boolean shouldLeave(Flow f, long nowNanos) {
        return f.evicted || f.tcpClosed || nowNanos - f.lastSeen >= leaveAfterNanos;
    }
}
