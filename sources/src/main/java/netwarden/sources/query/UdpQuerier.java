package netwarden.sources.query;

import java.io.IOException;
import java.net.InetSocketAddress;

/** The UDP protocols' common part: one {@link UdpLink} for the querier's life. */
abstract class UdpQuerier implements Querier {
    protected final QueryCounters counters;
    protected final UdpLink link;

    UdpQuerier(QueryCounters counters) {
        this.counters = counters;
        this.link = new UdpLink(counters);
    }

    @Override public void open() throws IOException { link.open(); }
    @Override public InetSocketAddress localAddress() { return link.localAddress(); }
    @Override public void close() throws IOException { link.close(); }
}
