package dev.openapi2mcp.runtime.transport.http;

import static dev.openapi2mcp.runtime.transport.http.HttpTestClient.INIT;
import static dev.openapi2mcp.runtime.transport.http.HttpTestClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.auth.StaticTokens;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.SampleServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Session exhaustion (issue 11): one principal must not be able to hold every session of the server, and a session
 * must not live forever just because its client keeps a GET event stream open.
 */
@Timeout(60)
class SessionLimitsTest {
  private static final String ALICE = "alice-token-0123456789";
  private static final String BOB = "bob-token-0123456789";
  private static final String PING = request(2, "ping", "{}");

  private StreamableHttpTransport transport;
  private HttpTestClient client;

  private void start(HttpTransportOptions options) throws Exception {
    McpServer server = SampleServer.server(McpServerOptions.defaults());
    transport = new StreamableHttpTransport(server, options.withPort(0));
    transport.start();
    client = new HttpTestClient(transport.endpoint());
  }

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.close();
    }
  }

  private HttpResponse<String> initialize(String token) throws Exception {
    return client.post(INIT, null, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
  }

  @Test
  void aPrincipalAtItsCapIsRefusedWith429WhileOthersStillGetSessions() throws Exception {
    StaticTokens tokens = StaticTokens.parse("test", "alice:" + ALICE + ",bob:" + BOB, false, null);
    start(HttpTransportOptions.defaults().withMaxSessionsPerPrincipal(3).withAuth(endpoint -> tokens));
    String first = null;
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> opened = initialize(ALICE);
      assertThat(opened.statusCode()).isEqualTo(200);
      first = first == null ? opened.headers().firstValue("Mcp-Session-Id").orElseThrow() : first;
    }

    HttpResponse<String> refused = initialize(ALICE);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Mcp-Session-Id")).isEmpty();
    assertThat(client.json(refused).at("/error/code").asInt()).isEqualTo(-32600);
    assertThat(client.json(refused).at("/error/message").asText()).contains("maximum number of sessions");
    assertThat(transport.sessionCount()).isEqualTo(3);

    assertThat(initialize(BOB).statusCode()).as("another principal is not affected").isEqualTo(200);

    client.send("DELETE", client.endpoint, null, Map.of("Mcp-Session-Id", first, "Authorization", "Bearer " + ALICE));
    assertThat(initialize(ALICE).statusCode()).as("ending a session frees its place").isEqualTo(200);
  }

  @Test
  void withoutAuthTheRemoteAddressIsThePrincipal() throws Exception {
    start(HttpTransportOptions.defaults().withMaxSessionsPerPrincipal(2));
    assertThat(initialize(null).statusCode()).isEqualTo(200);
    // A fresh connection (another source port) is still the same client.
    HttpTestClient other = new HttpTestClient(transport.endpoint());
    assertThat(other.post(INIT, null).statusCode()).isEqualTo(200);
    assertThat(initialize(null).statusCode()).isEqualTo(429);
  }

  @Test
  void aSessionWithAnOpenGetStreamStillExpiresWhenUnused() throws Exception {
    start(HttpTransportOptions.defaults().withSessionIdleTimeout(Duration.ofMillis(600))
        .withKeepAliveInterval(Duration.ofMillis(100)));
    String session = client.initialize();
    try (HttpTestClient.Sse stream = client.openStream(session)) {
      assertThat(stream.status).isEqualTo(200);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!stream.ended && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(stream.ended).as("the stream ends with its session").isTrue();
      assertThat(stream.lines).as("keep-alives flowed while it was open").contains(": keep-alive");
    }
    assertThat(client.post(PING, session).statusCode()).isEqualTo(404);
    assertThat(transport.sessionCount()).isZero();
  }
}
