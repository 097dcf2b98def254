package netwarden.decode.netlink;

import java.util.HexFormat;

/**
 * Real netlink datagrams, received by a raw AF_NETLINK socket in a router namespace on Linux 6.18
 * (x86_64, so host order is little-endian): LAN 10.99.1.2 sent one UDP datagram (20 data bytes,
 * port 2573 to 7777) to WAN 10.99.2.2 and one TCP SYN to port 9, which an nft rule
 * {@code log group 5 prefix "nw-drop" drop} dropped; {@code conntrack -D} then destroyed the UDP entry.
 */
final class NetlinkSamples {
    /** ctnetlink NEW (type 0x0100, flags CREATE|EXCL) for the UDP datagram. */
    static final byte[] CT_NEW = HexFormat.of().parseHex(
            "94000000000100060000000000000000020000003400018014000180080001000a630102080002000a6302021c000280"
            + "0500010011000000060002000a0d0000060003001e6100003400028014000180080001000a630202080002000a630102"
            + "1c0002800500010011000000060002001e610000060003000a0d000008000c00d8bf77da080003000000000808000700"
            + "0000001e");
    /** ctnetlink DELETE (type 0x0102) for it, with accounting: 1 packet, 48 bytes original, nothing back. */
    static final byte[] CT_DESTROY = HexFormat.of().parseHex(
            "cc00000002010000000000007d9840f0020000003400018014000180080001000a630102080002000a6302021c000280"
            + "0500010011000000060002000a0d0000060003001e6100003400028014000180080001000a630202080002000a630102"
            + "1c0002800500010011000000060002001e610000060003000a0d000008000c00d8bf77da080003000000020808000700"
            + "0000001c1c0009800c00010000000000000000010c00020000000000000000301c000a800c0001000000000000000000"
            + "0c0002000000000000000000");
    /** NFULNL_MSG_PACKET for the dropped SYN: prefix, in/out interfaces, hwaddr, timestamp, 40-byte payload. */
    static final byte[] NFLOG_DROP = HexFormat.of().parseHex(
            "ac0000000004000000000000000000000200000508000100080002000c000a006e772d64726f70000800040000000002"
            + "08000500000000031000080000060000b61518b0e987000006000f000001000006001100000e000012001000d6ee7f70"
            + "7a4ab61518b0e9870800000014000300000000006b17284f00000000000f41c92c000900450000289f7900003f06c48d"
            + "0a6301020a6302020a0d00094960082b5fc96a7a5002020070340000");

    private NetlinkSamples() {}
}
