package netwarden.sources.file;

import java.lang.foreign.MemorySegment;
import netwarden.decode.CaptureReader;
import netwarden.decode.DecodeException;
import netwarden.engine.Engine;
import netwarden.model.Packet;

/** A whole capture file through an engine at full speed, as {@code replay} does it. */
public final class EngineReplay {
    private EngineReplay() {}

    /**
     * Feeds every frame of {@code capture} (a pcap or pcapng file's bytes) to {@code engine} in file
     * order, keeping the engine's link type current for attack samples, then finishes it with open
     * attacks ended where their traffic ended: the file is over, nothing more will come. A damaged
     * record ends the input there and everything before it counts.
     *
     * @return the read error that ended the file early, or null
     */
    public static DecodeException run(Engine engine, MemorySegment capture) {
        DecodeException error = null;
        Packet packet = new Packet();
        try {
            CaptureReader reader = CaptureReader.open(capture);
            int linkType = -1;
            while (reader.next(packet)) {
                if (packet.linkType != linkType) engine.linkType(linkType = packet.linkType);
                engine.onPacket(packet, reader.data(), reader.frameOffset());
            }
        } catch (DecodeException e) {
            error = e;
        }
        engine.finish(true);
        return error;
    }
}
