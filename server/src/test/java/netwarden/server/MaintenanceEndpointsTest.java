package netwarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import netwarden.sinks.metrics.NetwardenMetrics;
import netwarden.sinks.notify.Maintenance;
import org.junit.jupiter.api.Test;

class MaintenanceEndpointsTest extends ServerHarness {
    final Maintenance windows = new Maintenance();

    void startWithMaintenance() throws Exception {
        NetwardenMetrics.register(registry, latest::get, false);
        server = new NetwardenHttpServer(loopback(), TOKENS, latest::get, registry).setMaintenance(windows);
        server.start();
    }

    java.net.http.HttpResponse<String> post(String body, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(MaintenanceHandlers.PATH)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"), token);
    }

    @Test
    void aWindowSetFromTheApiIsListedAndRemoved() throws Exception {
        startWithMaintenance();
        var created = post("{\"route\": \"pager\", \"window\": \"2030-01-01T02:00:00Z/2030-01-01T03:00:00Z\", \"reason\": \"restart\"}", VIEWER);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).path("id").asLong();
        assertThat(json(created).path("route").asText()).isEqualTo("pager");
        var listed = json(get(MaintenanceHandlers.PATH, VIEWER)).path("windows");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("start").asText()).isEqualTo("2030-01-01T02:00:00Z");
        assertThat(windows.list(Instant.parse("2029-12-31T00:00:00Z"))).hasSize(1);

        var now = post("{\"minutes\": 30}", VIEWER); // every route, from now
        assertThat(now.statusCode()).isEqualTo(201);
        assertThat(json(now).path("route").isNull()).isTrue();

        assertThat(send(HttpRequest.newBuilder(uri(MaintenanceHandlers.PATH + "/" + id)).DELETE(), VIEWER).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri(MaintenanceHandlers.PATH + "/" + id)).DELETE(), VIEWER).statusCode()).isEqualTo(404);
        assertThat(json(get(MaintenanceHandlers.PATH, VIEWER)).path("windows")).hasSize(1);
    }

    @Test
    void badWindowsGet400NamingTheProblemAndStrangersGet401() throws Exception {
        startWithMaintenance();
        var bad = post("{\"window\": \"2030-01-01T03:00:00Z/2030-01-01T02:00:00Z\"}", VIEWER);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("ends before it starts");
        assertThat(post("{\"window\": \"someday\"}", VIEWER).statusCode()).isEqualTo(400);
        assertThat(post("{}", VIEWER).statusCode()).isEqualTo(400);
        assertThat(post("{oops", VIEWER).statusCode()).isEqualTo(400);
        assertThat(post("{\"minutes\": 30}", null).statusCode()).isEqualTo(401);
        assertThat(windows.list(Instant.now())).isEmpty();
    }
}
