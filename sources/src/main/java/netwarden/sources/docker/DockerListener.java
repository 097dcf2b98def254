package netwarden.sources.docker;

/**
 * What Docker discovery reports, on its own thread; must not block. An exception thrown here is logged
 * and counted, never stops discovery.
 */
public interface DockerListener {
    /** A container started (or was found running) and serves this port. */
    void added(ContainerService service);

    /** The container stopped, died, was removed, or no longer matches; {@code reason} is the Docker event or {@code resync}. */
    void removed(ContainerService service, String reason);

    /** Connected to the daemon ({@code true}, with the negotiated API version) or lost it ({@code false}). */
    default void connection(boolean connected, String apiVersion) {}
}
