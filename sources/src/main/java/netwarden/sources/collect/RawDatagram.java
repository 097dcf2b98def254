package netwarden.sources.collect;

import netwarden.model.Ip;

/**
 * One received UDP payload, undecoded, as the receive thread hands it on (so decoding never slows
 * receiving). The array is owned by this record once handed over.
 *
 * @param source        the datagram's source address
 * @param receivedNanos wall-clock time it was read from the socket
 */
record RawDatagram(CollectListener listener, Ip source, byte[] payload, long receivedNanos) {}
