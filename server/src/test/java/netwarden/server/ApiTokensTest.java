package netwarden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiTokensTest {
    private static final ApiToken VIEWER = new ApiToken("viewer", "viewer-secret-0123456789", false);
    private static final ApiToken ADMIN = new ApiToken("admin", "admin-secret-0123456789ab", true);
    private final ApiTokens tokens = new ApiTokens(List.of(VIEWER, ADMIN));

    @Test
    void bearerHeaderParsing() {
        assertThat(ApiTokens.bearer("Bearer abc")).hasValue("abc");
        assertThat(ApiTokens.bearer("bearer   abc ")).hasValue("abc");
        assertThat(ApiTokens.bearer("BEARER abc")).hasValue("abc");
        assertThat(ApiTokens.bearer(null)).isEmpty();
        assertThat(ApiTokens.bearer("")).isEmpty();
        assertThat(ApiTokens.bearer("Bearer")).isEmpty();
        assertThat(ApiTokens.bearer("Bearer ")).isEmpty();
        assertThat(ApiTokens.bearer("Bearerabc")).isEmpty();
        assertThat(ApiTokens.bearer("Basic abc")).isEmpty();
        assertThat(ApiTokens.bearer("Bearer abc def")).isEmpty();
        assertThat(ApiTokens.bearer("abc")).isEmpty();
    }

    @Test
    void authenticateFindsTheMatchingToken() {
        assertThat(tokens.authenticate("Bearer viewer-secret-0123456789")).containsSame(VIEWER);
        assertThat(tokens.authenticate("Bearer admin-secret-0123456789ab")).containsSame(ADMIN);
    }

    @Test
    void wrongPrefixSuffixOrSchemeIsRefused() {
        assertThat(tokens.authenticate("Bearer viewer-secret-012345678")).isEmpty();
        assertThat(tokens.authenticate("Bearer viewer-secret-01234567890")).isEmpty();
        assertThat(tokens.authenticate("Bearer VIEWER-SECRET-0123456789")).isEmpty();
        assertThat(tokens.authenticate("Basic viewer-secret-0123456789")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
    }

    @Test
    void noTokensRefusesEverything() {
        assertThat(new ApiTokens(List.of()).authenticate("Bearer viewer-secret-0123456789")).isEmpty();
    }

    @Test
    void duplicatesAreRejectedNamingTokensNotSecrets() {
        assertThatThrownBy(() -> new ApiTokens(List.of(VIEWER, new ApiToken("viewer", "another-secret-0123456", true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate token name: viewer");
        assertThatThrownBy(() -> new ApiTokens(List.of(VIEWER, new ApiToken("copy", VIEWER.secret(), true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tokens viewer and copy share one secret");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(VIEWER.toString()).isEqualTo("ApiToken[name=viewer, secret=***, fullAddresses=false, readOnly=false]");
        assertThat(tokens.toString()).isEqualTo("ApiTokens[viewer, admin]").doesNotContain("secret-");
    }

    @Test
    void tokenValidationNamesTheProblem() {
        assertThatThrownBy(() -> new ApiToken("viewer", "short", false))
                .hasMessage("secret of token viewer must hold at least 16 characters: it has 5");
        assertThatThrownBy(() -> new ApiToken("viewer", "has space 0123456789", false))
                .hasMessage("secret of token viewer may hold only visible ASCII characters (no spaces)");
        assertThatThrownBy(() -> new ApiToken("bad name", "viewer-secret-0123456789", false))
                .hasMessage("token name may hold only letters, digits, '.', '_' and '-': 'bad name'");
        assertThatThrownBy(() -> new ApiToken("viewer", null, false)).isInstanceOf(NullPointerException.class);
    }
}
