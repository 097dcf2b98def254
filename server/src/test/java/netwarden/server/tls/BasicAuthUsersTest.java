package netwarden.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

class BasicAuthUsersTest {
    private static final String ALICE = OpenBSDBCrypt.generate("2y", "wonderland".toCharArray(), new byte[16], 4);
    private static final String BOB = OpenBSDBCrypt.generate("2b", "pässwörd:with colon".getBytes(StandardCharsets.UTF_8),
            "0123456789abcdef".getBytes(StandardCharsets.US_ASCII), 5);
    private final BasicAuthUsers users = new BasicAuthUsers(Map.of("alice", ALICE, "bob", BOB));

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rightPasswordsPass() {
        assertThat(users.authenticate(basic("alice:wonderland"))).hasValue("alice");
        assertThat(users.authenticate(basic("alice:wonderland"))).hasValue("alice"); // cached path
        assertThat(users.authenticate("basic  " + basic("bob:pässwörd:with colon").substring(6))).hasValue("bob");
    }

    @Test
    void wrongOrMalformedCredentialsFail() {
        assertThat(users.authenticate(basic("alice:Wonderland"))).isEmpty();
        assertThat(users.authenticate(basic("carol:wonderland"))).isEmpty();
        assertThat(users.authenticate(basic("bob:wonderland"))).isEmpty();
        assertThat(users.authenticate(basic("alicewonderland"))).isEmpty();
        assertThat(users.authenticate(basic(":wonderland"))).isEmpty();
        assertThat(users.authenticate(basic("alice:" + "x".repeat(80)))).isEmpty();
        assertThat(users.authenticate("Basic !!!notbase64")).isEmpty();
        assertThat(users.authenticate("Bearer " + basic("alice:wonderland").substring(6))).isEmpty();
        assertThat(users.authenticate(null)).isEmpty();
        assertThat(users.authenticate("Basic")).isEmpty();
    }

    @Test
    void aVerifiedPasswordIsNotAcceptedForAnotherUser() {
        assertThat(users.authenticate(basic("alice:wonderland"))).hasValue("alice");
        assertThat(users.authenticate(basic("bob:wonderland"))).isEmpty();
    }

    @Test
    void badUsersAndHashesAreRefusedWithoutEchoingTheHash() {
        assertThatThrownBy(() -> new BasicAuthUsers(Map.of("a:b", ALICE))).hasMessageContaining("without ':'");
        assertThatThrownBy(() -> new BasicAuthUsers(Map.of("x", "$1$md5$abcdefgh")))
                .isInstanceOf(TlsConfigException.class).hasMessageContaining("basic_auth_users.x: not a bcrypt hash")
                .hasMessageNotContaining("md5");
        assertThat(users.toString()).doesNotContain(ALICE).contains("alice");
    }
}
