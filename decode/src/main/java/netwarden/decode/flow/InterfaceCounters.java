package netwarden.decode.flow;

import netwarden.model.Ip;

/**
 * One sFlow generic interface counters record (counter record format 1, RFC 2863 ifTable values as
 * the agent read them): cumulative, so utilisation comes from the difference of two samples.
 *
 * @param agent the sFlow agent address
 * @param ifStatus bit 0 admin up, bit 1 operational up
 */
public record InterfaceCounters(Ip agent, long subAgentId, long sequence, long ifIndex, long ifType, long ifSpeed,
        long ifDirection, long ifStatus, long inOctets, long inUcastPkts, long inMulticastPkts, long inBroadcastPkts,
        long inDiscards, long inErrors, long inUnknownProtos, long outOctets, long outUcastPkts, long outMulticastPkts,
        long outBroadcastPkts, long outDiscards, long outErrors, long promiscuousMode) {}
