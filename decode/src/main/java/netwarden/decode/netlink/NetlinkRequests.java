package netwarden.decode.netlink;

/**
 * Builds the few requests netwarden sends: a conntrack table dump and the NFLOG group
 * configuration. Pure byte builders (host-order headers, big-endian netfilter values).
 */
public final class NetlinkRequests {
    public static final int NFULNL_CFG_CMD_BIND = 1, NFULNL_CFG_CMD_UNBIND = 2, NFULNL_COPY_PACKET = 2;
    static final int NFULA_CFG_CMD = 1, NFULA_CFG_MODE = 2;

    private NetlinkRequests() {}

    /** IPCTNL_MSG_CT_GET with NLM_F_DUMP for every address family. */
    public static byte[] conntrackDump(int seq) {
        byte[] b = new byte[Nl.NLMSG_HDRLEN + Nl.NFGENMSG_LEN];
        header(b, Nl.NFNL_SUBSYS_CTNETLINK << 8 | ConntrackDecoder.IPCTNL_MSG_CT_GET, Nl.NLM_F_REQUEST | Nl.NLM_F_DUMP, seq);
        b[Nl.NLMSG_HDRLEN] = Nl.AF_UNSPEC;
        return b;
    }

    /** NFULNL_MSG_CONFIG with NFULA_CFG_CMD {@code command} (bind, unbind) for {@code group}, acknowledged. */
    public static byte[] nflogCommand(int group, int command, int seq) {
        byte[] b = new byte[Nl.NLMSG_HDRLEN + Nl.NFGENMSG_LEN + 8];
        nflogConfig(b, group, seq);
        attr(b, Nl.NLMSG_HDRLEN + Nl.NFGENMSG_LEN, NFULA_CFG_CMD, 5);
        b[Nl.NLMSG_HDRLEN + Nl.NFGENMSG_LEN + 4] = (byte) command;
        return b;
    }

    /** NFULNL_MSG_CONFIG with NFULA_CFG_MODE: copy each packet's first {@code range} bytes. */
    public static byte[] nflogCopyPacket(int group, int range, int seq) {
        byte[] b = new byte[Nl.NLMSG_HDRLEN + Nl.NFGENMSG_LEN + 12];
        nflogConfig(b, group, seq);
        int at = Nl.NLMSG_HDRLEN + Nl.NFGENMSG_LEN;
        attr(b, at, NFULA_CFG_MODE, 10);
        for (int i = 0; i < 4; i++) b[at + 4 + i] = (byte) (range >>> 8 * (3 - i));
        b[at + 8] = NFULNL_COPY_PACKET;
        return b;
    }

    private static void nflogConfig(byte[] b, int group, int seq) {
        header(b, Nl.NFNL_SUBSYS_ULOG << 8 | NflogDecoder.NFULNL_MSG_CONFIG, Nl.NLM_F_REQUEST | Nl.NLM_F_ACK, seq);
        b[Nl.NLMSG_HDRLEN] = Nl.AF_UNSPEC;
        b[Nl.NLMSG_HDRLEN + 2] = (byte) (group >>> 8);
        b[Nl.NLMSG_HDRLEN + 3] = (byte) group;
    }

    private static void header(byte[] b, int type, int flags, int seq) {
        Nl.put32h(b, 0, b.length);
        Nl.put16h(b, 4, type);
        Nl.put16h(b, 6, flags);
        Nl.put32h(b, 8, seq);
    }

    private static void attr(byte[] b, int at, int type, int len) {
        Nl.put16h(b, at, len);
        Nl.put16h(b, at + 2, type);
    }
}
