package netwarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final Handler NONE = r -> JsonErrors.of(500, "unused");
    private final Router router = new Router(List.of(
            new Router.Route("GET", "/healthz", false, NONE),
            new Router.Route("GET", "/api/v1/services/{id}", true, NONE),
            new Router.Route("GET", "/api/v1/services/{id}/players", true, NONE),
            new Router.Route("PUT", "/api/v1/services/{id}/players", true, NONE)));

    @Test
    void literalAndTemplateRoutesMatch() {
        assertThat(router.match("GET", "/healthz")).isInstanceOfSatisfying(Router.Found.class,
                f -> assertThat(f.params()).isEmpty());
        assertThat(router.match("GET", "/api/v1/services/quake/players")).isInstanceOfSatisfying(Router.Found.class,
                f -> {
                    assertThat(f.route().template()).isEqualTo("/api/v1/services/{id}/players");
                    assertThat(f.params()).isEqualTo(Map.of("id", "quake"));
                });
    }

    @Test
    void parametersArePercentDecodedButPlusStays() {
        assertThat(router.match("GET", "/api/v1/services/2001%3Adb8%3A%3A10-tcp-443"))
                .isInstanceOfSatisfying(Router.Found.class,
                        f -> assertThat(f.params()).containsEntry("id", "2001:db8::10-tcp-443"));
        assertThat(router.match("GET", "/api/v1/services/a+b")).isInstanceOfSatisfying(Router.Found.class,
                f -> assertThat(f.params()).containsEntry("id", "a+b"));
    }

    @Test
    void malformedOrEmptySegmentsDoNotMatch() {
        assertThat(router.match("GET", "/api/v1/services/%zz")).isInstanceOf(Router.NotFound.class);
        assertThat(router.match("GET", "/api/v1/services/")).isInstanceOf(Router.NotFound.class);
        assertThat(router.match("GET", "/api/v1/services//players")).isInstanceOf(Router.NotFound.class);
        assertThat(router.match("GET", "/healthz/")).isInstanceOf(Router.NotFound.class);
        assertThat(router.match("GET", "")).isInstanceOf(Router.NotFound.class);
    }

    @Test
    void wrongMethodListsTheAllowedOnes() {
        assertThat(router.match("POST", "/api/v1/services/quake/players"))
                .isInstanceOfSatisfying(Router.WrongMethod.class, w -> {
                    assertThat(w.template()).isEqualTo("/api/v1/services/{id}/players");
                    assertThat(w.allowed()).containsExactly("GET", "PUT");
                });
        assertThat(router.match("HEAD", "/healthz")).isInstanceOf(Router.WrongMethod.class);
    }
}
