package netwarden.decode.netlink;

/**
 * One packet logged by an NFLOG rule. {@code prefix} is the rule's prefix ("" when it has none);
 * {@code payload} starts at the IP header (empty when the copy mode gave none); {@code inIfindex}
 * and {@code outIfindex} are 0 when absent; {@code hwaddr} is null unless the kernel sent the
 * source MAC (inbound packets); {@code timestampMicros} is -1 when absent.
 */
public record NflogPacket(int group, int family, int hwProtocol, int hook, String prefix, byte[] payload,
                          int inIfindex, int outIfindex, byte[] hwaddr, long timestampMicros, long mark) {}
