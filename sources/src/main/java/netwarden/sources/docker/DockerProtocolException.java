package netwarden.sources.docker;

/** The Docker daemon's answer is not HTTP/1.1 as expected, or not the JSON the Engine API documents. */
public final class DockerProtocolException extends Exception {
    public DockerProtocolException(String message) {
        super(message);
    }
}
