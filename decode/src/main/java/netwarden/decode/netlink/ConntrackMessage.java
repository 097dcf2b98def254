package netwarden.decode.netlink;

/**
 * One ctnetlink message: an event (NEW, UPDATE, DESTROY) or an entry of a dump (UPDATE, with
 * {@link #dumped()} true).
 *
 * <p>{@code reply} is null when the kernel sent no reply tuple; the counters are null unless
 * accounting ({@code net.netfilter.nf_conntrack_acct}) is on; {@code timeout}, {@code id} and
 * {@code mark} are -1 when absent.
 */
public record ConntrackMessage(Kind kind, boolean dumped, int family, ConntrackTuple orig, ConntrackTuple reply,
                               long status, long timeout, long id, long mark,
                               ConntrackCounters origCounters, ConntrackCounters replyCounters) {
    public enum Kind { NEW, UPDATE, DESTROY }

    /** IPS_ASSURED: traffic was seen both ways and the entry survives table pressure. */
    public static final long IPS_ASSURED = 1 << 2, IPS_SEEN_REPLY = 1 << 1;
}
