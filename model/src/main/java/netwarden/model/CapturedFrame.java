package netwarden.model;

/** A copy of one captured frame, kept as an attack sample (written as pcap by a sink). */
public record CapturedFrame(long tsNanos, int linkType, int wireLen, byte[] data) {}
