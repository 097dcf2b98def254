package netwarden.server;

import java.util.Optional;

/**
 * Checks HTTP basic-auth credentials ({@code Authorization: Basic base64(user:password)}).
 * Implementations must be thread-safe and should take the same time for unknown users as for
 * wrong passwords.
 */
@FunctionalInterface
public interface BasicAuthenticator {
    /** The user whose valid credentials the header carries, or empty. {@code header} may be null. */
    Optional<String> authenticate(String authorizationHeader);

    /** Accepts nobody; basic auth is then off. */
    BasicAuthenticator NONE = header -> Optional.empty();
}
