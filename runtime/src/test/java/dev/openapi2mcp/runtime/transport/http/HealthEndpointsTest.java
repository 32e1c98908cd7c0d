package dev.openapi2mcp.runtime.transport.http;

import static dev.openapi2mcp.runtime.transport.http.HttpTestClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.SampleServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 5: the liveness and readiness probes beside {@code /mcp}. */
@Timeout(60)
class HealthEndpointsTest {
  private StreamableHttpTransport transport;
  private HttpTestClient client;

  private void start(boolean stateless) throws Exception {
    McpServer server = SampleServer.server(McpServerOptions.defaults());
    transport = new StreamableHttpTransport(server,
        HttpTransportOptions.defaults().withPort(0).withStateless(stateless));
    transport.start();
    client = new HttpTestClient(transport.endpoint());
  }

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.close();
    }
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    return client.send("GET", client.endpoint.resolve(path), null, headers);
  }

  @Test
  void bothProbesAnswer200WithATinyJsonBodyAndNoCaching() throws Exception {
    start(false);
    HttpResponse<String> live = get("/healthz", Map.of());
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(live.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(client.json(live).get("status").asText()).isEqualTo("ok");
    HttpResponse<String> ready = get("/readyz", Map.of());
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(client.json(ready).get("status").asText()).isEqualTo("ready");
  }

  @Test
  void probesNeedNoOriginCheckAndServeOnlyGetAndHead() throws Exception {
    start(true);
    assertThat(get("/readyz", Map.of("Origin", "https://elsewhere.example")).statusCode()).isEqualTo(200);
    // The same foreign Origin is refused at the MCP endpoint: only the probes skip the check.
    assertThat(client.post(request(1, "ping", "{}"), null, Map.of("Origin", "https://elsewhere.example"))
        .statusCode()).isEqualTo(403);

    HttpResponse<String> head = client.send("HEAD", client.endpoint.resolve("/healthz"), null, Map.of());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    HttpResponse<String> post = client.send("POST", client.endpoint.resolve("/readyz"), "{}", Map.of());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    assertThat(get("/healthz/extra", Map.of()).statusCode()).isEqualTo(404);
  }

  @Test
  void duringTheShutdownDrainReadinessIs503WhileLivenessStays200() throws Exception {
    start(true);
    CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
      try {
        return client.post(request(9, "tools/call", "{\"name\":\"slow\",\"arguments\":{\"ms\":3000}}"), null);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(300);
    CompletableFuture<Void> closing = CompletableFuture.runAsync(transport::close);

    HttpResponse<String> ready = awaitStatus(client.endpoint.resolve("/readyz"), 503);
    assertThat(client.json(ready).get("status").asText()).isEqualTo("draining");
    assertThat(get("/healthz", Map.of()).statusCode()).isEqualTo(200);
    assertThat(client.post(request(10, "ping", "{}"), null).statusCode()).isEqualTo(503);

    HttpResponse<String> answered = slow.get(20, TimeUnit.SECONDS);
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(client.json(answered).at("/result/content/0/text").asText()).isEqualTo("slept 3000 9");
    closing.get(20, TimeUnit.SECONDS);
  }

  private HttpResponse<String> awaitStatus(URI uri, int status) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    HttpResponse<String> response = client.send("GET", uri, null, Map.of());
    while (response.statusCode() != status && System.nanoTime() < deadline) {
      Thread.sleep(20);
      response = client.send("GET", uri, null, Map.of());
    }
    assertThat(response.statusCode()).as(uri + " within 2 s").isEqualTo(status);
    return response;
  }
}
