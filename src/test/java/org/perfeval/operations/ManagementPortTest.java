package org.perfeval.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.perfeval.support.TestProfiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Health and metrics answer on the management port (localhost by default), never on the
 * application port. With the job executor running, as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "camunda.bpm.job-execution.enabled=true",
                // Its own database, and closed afterwards: a running job executor on the shared test
                // database would run other tests' timers (IncidentTest, HistoryCleanupTest).
                "spring.datasource.url=jdbc:h2:mem:management-port;MODE=MySQL;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"})
@org.springframework.test.annotation.DirtiesContext
@ActiveProfiles(resolver = TestProfiles.class)
// Spring Boot's tests switch metrics export off unless asked: the Prometheus endpoint is what is tested.
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
class ManagementPortTest {
    @LocalServerPort int port;
    @LocalManagementPort int managementPort;
    @Value("${management.server.address}") String managementAddress;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void healthAndMetricsOnTheManagementPortOnly() throws Exception {
        assertThat(managementAddress).isEqualTo("127.0.0.1");
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/prometheus"}) {
            assertThat(get(port, path).statusCode()).as("application port " + path).isEqualTo(404);
        }

        HttpResponse<String> health = get(managementPort, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"");
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"jobExecutor\"");
        assertThat(get(managementPort, "/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds")
                .contains("hikaricp_connections");

        System.out.printf("management port %d on %s: health UP (readiness: db, jobExecutor), %d lines of metrics;"
                + " application port %d answers 404 for /actuator%n", managementPort, managementAddress,
                metrics.body().lines().count(), port);
    }

    private HttpResponse<String> get(int onPort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
