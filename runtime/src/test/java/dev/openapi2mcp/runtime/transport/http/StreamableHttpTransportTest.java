package dev.openapi2mcp.runtime.transport.http;

import static dev.openapi2mcp.runtime.transport.http.HttpTestClient.INIT;
import static dev.openapi2mcp.runtime.transport.http.HttpTestClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.SampleServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StreamableHttpTransportTest {
  private static final String PING = request(2, "ping", "{}");

  private McpServer server;
  private StreamableHttpTransport transport;
  private HttpTestClient client;

  private void start(HttpTransportOptions options) throws Exception {
    server = SampleServer.server(McpServerOptions.defaults().withPageSize(3));
    transport = new StreamableHttpTransport(server, options.withPort(0));
    transport.start();
    client = new HttpTestClient(transport.endpoint());
  }

  private void start() throws Exception {
    start(HttpTransportOptions.defaults().withKeepAliveInterval(Duration.ofMillis(200)));
  }

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.close();
    }
  }

  private void assertJsonRpcError(HttpResponse<String> response, int status, int code) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode body = client.json(response);
    assertThat(body.get("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(body.at("/error/code").asInt()).isEqualTo(code);
    assertThat(body.toString()).doesNotContain("at dev.").doesNotContain("Exception");
  }

  @Test
  void initializeOpensASessionWithAnUnguessableVisibleAsciiId() throws Exception {
    start();
    HttpResponse<String> first = client.post(INIT, null);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(client.json(first).at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
    String id = first.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertThat(id).hasSizeGreaterThanOrEqualTo(43).matches("[\\x21-\\x7E]+");
    String other = client.post(INIT, null).headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertThat(other).isNotEqualTo(id);
    assertThat(transport.sessionCount()).isEqualTo(2);
  }

  @Test
  void requestsGetJsonAndNotificationsGet202WithoutBody() throws Exception {
    start();
    String session = client.initialize();
    HttpResponse<String> ping = client.post(PING, session);
    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(client.json(ping)).isEqualTo(client.mapper.readTree("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}"));

    HttpResponse<String> notification = client.post(
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":5}}", session);
    assertThat(notification.statusCode()).isEqualTo(202);
    assertThat(notification.body()).isEmpty();
    HttpResponse<String> response = client.post("{\"jsonrpc\":\"2.0\",\"id\":77,\"result\":{}}", session);
    assertThat(response.statusCode()).isEqualTo(202);
  }

  @Test
  void aRequestWithoutSessionIs400AndWithAnUnknownSession404() throws Exception {
    start();
    client.initialize();
    assertJsonRpcError(client.post(PING, null), 400, -32600);
    assertThat(client.json(client.post(PING, null)).at("/error/message").asText()).contains("Mcp-Session-Id");
    assertJsonRpcError(client.post(PING, "no-such-session"), 404, -32600);
  }

  @Test
  void deleteEndsTheSession() throws Exception {
    start();
    String session = client.initialize();
    HttpResponse<String> deleted = client.send("DELETE", client.endpoint, null, Map.of("Mcp-Session-Id", session));
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(transport.sessionCount()).isZero();
    assertJsonRpcError(client.post(PING, session), 404, -32600);
    assertThat(client.send("DELETE", client.endpoint, null, Map.of("Mcp-Session-Id", session)).statusCode())
        .isEqualTo(404);
    assertThat(client.send("DELETE", client.endpoint, null, Map.of()).statusCode()).isEqualTo(400);
  }

  @Test
  void anUnsupportedProtocolVersionHeaderIs400NamingTheSupportedVersions() throws Exception {
    start();
    String session = client.initialize();
    HttpResponse<String> response = client.post(PING, session, Map.of("MCP-Protocol-Version", "2099-01-01"));
    assertJsonRpcError(response, 400, -32600);
    assertThat(client.json(response).at("/error/message").asText())
        .contains("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");
    for (String supported : List.of("2025-11-25", "2025-03-26")) {
      assertThat(client.post(PING, session, Map.of("MCP-Protocol-Version", supported)).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void olderRevisionsAreNegotiatedAndServedWithoutNewerFields() throws Exception {
    start();
    String init = INIT.replace("2025-11-25", "2024-11-05");
    HttpResponse<String> initialized = client.post(init, null);
    assertThat(client.json(initialized).at("/result/protocolVersion").asText()).isEqualTo("2024-11-05");
    assertThat(client.json(initialized).at("/result/serverInfo").has("title")).isFalse();
    String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
    HttpResponse<String> list = client.post(request(3, "tools/list", "{}"), session,
        Map.of("MCP-Protocol-Version", "2024-11-05"));
    JsonNode echo = client.json(list).at("/result/tools/0");
    assertThat(echo.get("name").asText()).isEqualTo("echo");
    assertThat(echo.has("annotations")).isFalse();
    assertThat(echo.has("title")).isFalse();

    HttpResponse<String> unknown = client.post(INIT.replace("2025-11-25", "2030-01-01"), null);
    assertThat(client.json(unknown).at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
  }

  @Test
  void aForeignOriginIs403AndLoopbackOriginsPass() throws Exception {
    start();
    HttpResponse<String> evil = client.post(INIT, null, Map.of("Origin", "http://evil.example.com"));
    assertJsonRpcError(evil, 403, -32600);
    assertThat(evil.headers().firstValue("Mcp-Session-Id")).isEmpty();
    assertThat(client.post(INIT, null, Map.of("Origin", "null")).statusCode()).isEqualTo(403);
    assertThat(client.post(INIT, null, Map.of("Origin", "http://localhost.evil.example.com")).statusCode())
        .isEqualTo(403);
    for (String origin : List.of("http://localhost:3000", "http://127.0.0.1", "https://[::1]:8443")) {
      assertThat(client.post(INIT, null, Map.of("Origin", origin)).statusCode()).as(origin).isEqualTo(200);
    }
    assertThat(transport.sessionCount()).isEqualTo(3);
  }

  @Test
  void anAllowlistedOriginPasses() throws Exception {
    start(HttpTransportOptions.defaults().withAllowedOrigins(List.of("https://app.example.com")));
    assertThat(client.post(INIT, null, Map.of("Origin", "https://app.example.com")).statusCode()).isEqualTo(200);
    assertThat(client.post(INIT, null, Map.of("Origin", "http://app.example.com")).statusCode()).isEqualTo(403);
  }

  @Test
  void aForeignHostHeaderIs403WhenBoundToLoopback() throws Exception {
    start();
    int port = transport.endpoint().getPort();
    assertThat(HttpTestClient.rawPost(port, "evil.example.com", null, INIT)).isEqualTo(403);
    assertThat(HttpTestClient.rawPost(port, "evil.example.com:" + port, "http://evil.example.com:" + port, INIT))
        .isEqualTo(403);
    assertThat(HttpTestClient.rawPost(port, "127.0.0.1:" + port, "http://127.0.0.1:" + port, INIT)).isEqualTo(200);
    assertThat(HttpTestClient.rawPost(port, "localhost:" + port, null, INIT)).isEqualTo(200);
    assertThat(HttpTestClient.rawPost(port, "[::1]:" + port, null, INIT)).isEqualTo(200);
  }

  @Test
  void aBatchOrMalformedBodyIs400WithAJsonRpcError() throws Exception {
    start();
    String session = client.initialize();
    HttpResponse<String> batch = client.post("[" + PING + "]", session);
    assertJsonRpcError(batch, 400, -32600);
    assertThat(client.json(batch).at("/error/message").asText()).contains("2025-06-18");
    assertJsonRpcError(client.post("{oops", session), 400, -32700);
    assertJsonRpcError(client.post("{\"id\":1,\"method\":\"ping\"}", session), 400, -32600);
  }

  @Test
  void contentTypeAndAcceptAreChecked() throws Exception {
    start();
    assertJsonRpcError(client.postRaw(INIT, Map.of("Content-Type", "text/plain", "Accept",
        HttpTestClient.ACCEPT_BOTH)), 415, -32600);
    assertJsonRpcError(client.postRaw(INIT, Map.of("Content-Type", "application/json", "Accept",
        "application/json")), 406, -32600);
    assertJsonRpcError(client.postRaw(INIT, Map.of("Content-Type", "application/json")), 406, -32600);
    assertThat(client.postRaw(INIT, Map.of("Content-Type", "application/json; charset=utf-8", "Accept",
        "text/event-stream, application/json;q=0.9")).statusCode()).isEqualTo(200);
    assertThat(client.postRaw(INIT, Map.of("Content-Type", "application/json", "Accept", "*/*")).statusCode())
        .isEqualTo(200);
    assertThat(client.postRaw(INIT, Map.of("Content-Type", "application/json", "Accept",
        "application/json, text/event-stream;q=0")).statusCode()).isEqualTo(406);
  }

  @Test
  void otherPathsAre404AndOtherMethods405() throws Exception {
    start();
    URI other = client.endpoint.resolve("/mcp/extra");
    assertThat(client.send("POST", other, INIT, Map.of("Content-Type", "application/json",
        "Accept", HttpTestClient.ACCEPT_BOTH)).statusCode()).isEqualTo(404);
    assertThat(client.send("GET", client.endpoint.resolve("/"), null, Map.of()).statusCode()).isEqualTo(404);
    HttpResponse<String> put = client.send("PUT", client.endpoint, INIT, Map.of("Content-Type", "application/json"));
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).contains("GET, POST, DELETE");
  }

  @Test
  void anOversizedBodyIs413() throws Exception {
    start(HttpTransportOptions.defaults().withMaxBodyBytes(1000));
    String session = client.initialize();
    String big = request(3, "ping", "{\"pad\":\"" + "x".repeat(2000) + "\"}");
    assertJsonRpcError(client.post(big, session), 413, -32600);
    assertThat(client.post(PING, session).statusCode()).isEqualTo(200);
  }

  @Test
  void toolErrorsAreResultsWithoutStackTraces() throws Exception {
    start();
    String session = client.initialize();
    HttpResponse<String> response = client.post(request(3, "tools/call", "{\"name\":\"boom\"}"), session);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(client.json(response).at("/result/isError").asBoolean()).isTrue();
    assertThat(response.body()).doesNotContain(SampleServer.SECRET).doesNotContain("at dev.");
  }

  @Test
  void concurrentPostsOnOneSessionAreAllAnswered() throws Exception {
    start();
    String session = client.initialize();
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String body = request(1000 + i, "tools/call", "{\"name\":\"slow\",\"arguments\":{\"ms\":300}}");
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          return client.post(body, session);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (int i = 0; i < calls.size(); i++) {
      HttpResponse<String> response = calls.get(i).get(20, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(client.json(response).get("id").asInt()).isEqualTo(1000 + i);
    }
  }

  @Test
  void getWithoutEventStreamAcceptIs406() throws Exception {
    start();
    String session = client.initialize();
    assertThat(client.send("GET", client.endpoint, null, Map.of("Mcp-Session-Id", session,
        "Accept", "application/json")).statusCode()).isEqualTo(406);
    assertThat(client.send("GET", client.endpoint, null, Map.of("Accept", "text/event-stream")).statusCode())
        .isEqualTo(400);
  }

  @Test
  void severalGetStreamsStayOpenAndEachMessageGoesToExactlyOne() throws Exception {
    start();
    String session = client.initialize();
    List<HttpTestClient.Sse> streams = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        HttpTestClient.Sse sse = client.openStream(session);
        assertThat(sse.status).isEqualTo(200);
        assertThat(sse.contentType).startsWith("text/event-stream");
        streams.add(sse);
      }
      // Keep-alive comments reach every stream.
      for (HttpTestClient.Sse sse : streams) {
        assertThat(pollUntil(sse, line -> line.equals(": keep-alive"))).isTrue();
      }
      // Logging is opt-in (issue 5): the client asks for info and above first.
      assertThat(client.post(request(4, "logging/setLevel", "{\"level\":\"info\"}"), session).statusCode())
          .isEqualTo(200);
      HttpResponse<String> call = client.post(request(5, "tools/call", "{\"name\":\"log\"}"), session);
      assertThat(call.statusCode()).isEqualTo(200);

      Thread.sleep(300);
      List<String> dataLines = new ArrayList<>();
      for (HttpTestClient.Sse sse : streams) {
        sse.lines.stream().filter(l -> l.startsWith("data: ")).forEach(dataLines::add);
      }
      assertThat(dataLines).hasSize(1);
      JsonNode message = client.mapper.readTree(dataLines.get(0).substring("data: ".length()));
      assertThat(message.get("method").asText()).isEqualTo("notifications/message");
      assertThat(message.at("/params/data").asText()).isEqualTo("info message");
    } finally {
      for (HttpTestClient.Sse sse : streams) {
        sse.close();
      }
    }
  }

  @Test
  void streamsBeyondTheLimitAre409AndDeleteEndsOpenStreams() throws Exception {
    start(HttpTransportOptions.defaults().withMaxStreamsPerSession(2));
    String session = client.initialize();
    try (HttpTestClient.Sse a = client.openStream(session); HttpTestClient.Sse b = client.openStream(session)) {
      assertThat(a.status).isEqualTo(200);
      assertThat(b.status).isEqualTo(200);
      try (HttpTestClient.Sse c = client.openStream(session)) {
        assertThat(c.status).isEqualTo(409);
      }
      client.send("DELETE", client.endpoint, null, Map.of("Mcp-Session-Id", session));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while ((!a.ended || !b.ended) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(a.ended).isTrue();
      assertThat(b.ended).isTrue();
    }
  }

  @Test
  void anIdleSessionExpires() throws Exception {
    start(HttpTransportOptions.defaults().withSessionIdleTimeout(Duration.ofMillis(300))
        .withKeepAliveInterval(Duration.ofMillis(100)));
    String session = client.initialize();
    assertThat(client.post(PING, session).statusCode()).isEqualTo(200);
    Thread.sleep(700);
    assertThat(client.post(PING, session).statusCode()).isEqualTo(404);
    assertThat(transport.sessionCount()).isZero();
  }

  @Test
  void closeLetsInFlightCallsFinishAndThenRefusesConnections() throws Exception {
    start();
    String session = client.initialize();
    CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
      try {
        return client.post(request(9, "tools/call", "{\"name\":\"slow\",\"arguments\":{\"ms\":700}}"), session);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(250);
    transport.close();
    HttpResponse<String> response = slow.get(20, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(client.json(response).at("/result/content/0/text").asText()).isEqualTo("slept 700 9");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> client.post(PING, session)))
        .isInstanceOf(java.io.IOException.class);
  }

  private static boolean pollUntil(HttpTestClient.Sse sse, java.util.function.Predicate<String> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (sse.lines.stream().anyMatch(wanted)) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }
}
