package netwarden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Page routes (the web console's) are open at the dispatcher, read their form body, and never shadow the API. */
class PageRoutesTest extends ServerHarness {
    @Test
    void aPageRouteAnswersWithoutATokenWhileTheApiStillWantsOne() throws Exception {
        server = new NetwardenHttpServer(loopback(), TOKENS, latest::get, registry)
                .addPageRoute("GET", "/hello/{who}", 0, r -> new Response(200, "text/plain", ("hi " + r.param("who")).getBytes(StandardCharsets.UTF_8), Map.of()))
                .addPageRoute("POST", "/form", 1024, r -> new Response(200, "text/plain", r.body(), Map.of()));
        server.start();
        assertThat(get("/hello/you", null).body()).isEqualTo("hi you");
        assertThat(send(HttpRequest.newBuilder(uri("/form")).POST(HttpRequest.BodyPublishers.ofString("a=1")), null).body()).isEqualTo("a=1");
        assertThat(send(HttpRequest.newBuilder(uri("/form")).POST(HttpRequest.BodyPublishers.ofString("x".repeat(2000))), null).statusCode())
                .isEqualTo(413);
        assertThat(get("/api/v1/services", null).statusCode()).isEqualTo(401);
    }

    @Test
    void pageRoutesStayOutsideTheApi() {
        var s = new NetwardenHttpServer(loopback(), TOKENS, latest::get, registry);
        for (String t : new String[] {"/api/v1/x", "/metrics", "/healthz"})
            assertThatThrownBy(() -> s.addPageRoute("GET", t, 0, r -> null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(t);
    }
}
