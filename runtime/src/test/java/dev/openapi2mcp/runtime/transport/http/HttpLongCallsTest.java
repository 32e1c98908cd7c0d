package dev.openapi2mcp.runtime.transport.http;

import static dev.openapi2mcp.runtime.transport.http.HttpTestClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.HangingApi;
import dev.openapi2mcp.runtime.testing.LongCallServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 5 on the wire of Streamable HTTP, with a raw client: where progress and elicitation travel, how the client's
 * answer and cancellation come back, and that the server keeps serving.
 */
@Timeout(60)
class HttpLongCallsTest {
  private static final String INIT_ELICITING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"elicitation\":{\"form\":{}}},"
      + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  private final List<String> audit = new CopyOnWriteArrayList<>();
  private StreamableHttpTransport transport;
  private RestToolExecutor executor;
  private HttpTestClient client;

  private void start(String apiBaseUrl, McpServerOptions options) throws Exception {
    executor = RestToolExecutor.create(LongCallServer.definition(), apiBaseUrl, Map.of(),
        ExecutorOptions.defaults().withAuditSink(audit::add));
    McpServer server = new McpServer(LongCallServer.definition(), executor, options);
    transport = new StreamableHttpTransport(server, HttpTransportOptions.defaults().withPort(0));
    transport.start();
    client = new HttpTestClient(transport.endpoint());
  }

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.close();
      executor.close();
    }
  }

  private String initialize(String init) throws Exception {
    HttpResponse<String> response = client.post(init, null);
    String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertThat(client.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session).statusCode())
        .isEqualTo(202);
    return session;
  }

  /** A POST whose response is read line by line as it arrives. */
  private static final class StreamingPost {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    volatile int status;
    volatile String contentType = "";
    volatile boolean ended;

    StreamingPost(HttpTestClient client, String body, String session) {
      HttpRequest request = HttpRequest.newBuilder(client.endpoint).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json").header("Accept", HttpTestClient.ACCEPT_BOTH)
          .header("Mcp-Session-Id", session)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      client.http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenAccept(response -> {
        status = response.statusCode();
        contentType = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = response.body();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          String line;
          while ((line = reader.readLine()) != null) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the test reads what arrived
        } finally {
          ended = true;
        }
      });
    }

    /** The next {@code data:} payload, parsed. */
    JsonNode nextData(HttpTestClient client) throws Exception {
      while (true) {
        String line = lines.poll(15, TimeUnit.SECONDS);
        assertThat(line).as("another line on the stream").isNotNull();
        if (line.startsWith("data: ")) {
          return client.mapper.readTree(line.substring("data: ".length()));
        }
      }
    }

    void awaitEnd() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (!ended && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(ended).as("the response ended").isTrue();
    }
  }

  @Test
  void progressTravelsOnThePostsOwnEventStreamBeforeTheResultAndPlainCallsStayJson() throws Exception {
    try (MockWebServer api = new MockWebServer()) {
      api.start();
      start(api.url("/v1").toString(), McpServerOptions.defaults());
      String session = initialize(HttpTestClient.INIT);
      api.enqueue(new MockResponse.Builder().code(200).body("y".repeat(200_000)).build());
      HttpResponse<String> streamed = client.post(request(5, "tools/call",
          "{\"name\":\"download\",\"_meta\":{\"progressToken\":42}}"), session);
      assertThat(streamed.statusCode()).isEqualTo(200);
      assertThat(streamed.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/event-stream"));
      List<JsonNode> events = new ArrayList<>();
      for (String line : streamed.body().split("\n")) {
        if (line.startsWith("data: ")) {
          events.add(client.mapper.readTree(line.substring("data: ".length())));
        }
      }
      JsonNode last = events.get(events.size() - 1);
      assertThat(last.get("id").asInt()).isEqualTo(5);
      assertThat(last.at("/result/isError").asBoolean()).isFalse();
      List<JsonNode> progress = events.subList(0, events.size() - 1);
      assertThat(progress).hasSizeGreaterThanOrEqualTo(3).allSatisfy(event -> {
        assertThat(event.get("method").asText()).isEqualTo("notifications/progress");
        assertThat(event.at("/params/progressToken").asInt()).isEqualTo(42);
      });
      assertThat(progress).extracting(event -> event.at("/params/progress").asDouble())
          .startsWith(1.0, 2.0).isSorted().doesNotHaveDuplicates();
      assertThat(progress.get(progress.size() - 1).at("/params/progress").asDouble()).isEqualTo(200_002.0);
      assertThat(progress.get(progress.size() - 1).at("/params/total").asDouble()).isEqualTo(200_002.0);

      api.enqueue(new MockResponse.Builder().code(200).body("small").build());
      HttpResponse<String> plain = client.post(request(6, "tools/call", "{\"name\":\"download\"}"), session);
      assertThat(plain.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(client.json(plain).at("/result/content/0/text").asText()).isEqualTo("small");
    }
  }

  @Test
  void theClientsAnswerToAnElicitationArrivesAsItsOwnPostAndReleasesTheCall() throws Exception {
    try (MockWebServer api = new MockWebServer()) {
      api.start();
      start(api.url("/v1").toString(), McpServerOptions.defaults().withConfirmDestructive(true));
      String session = initialize(INIT_ELICITING);
      StreamingPost call = new StreamingPost(client,
          request(7, "tools/call", "{\"name\":\"deleteItem\",\"arguments\":{\"id\":3}}"), session);
      JsonNode question = call.nextData(client);
      assertThat(question.get("method").asText()).isEqualTo("elicitation/create");
      assertThat(question.at("/params/mode").asText()).isEqualTo("form");
      assertThat(question.at("/params/requestedSchema/properties/confirm/type").asText()).isEqualTo("boolean");
      assertThat(call.contentType).startsWith("text/event-stream");
      assertThat(api.getRequestCount()).as("nothing is sent before the user confirmed").isZero();

      api.enqueue(new MockResponse.Builder().code(204).build());
      HttpResponse<String> answer = client.post("{\"jsonrpc\":\"2.0\",\"id\":" + question.get("id")
          + ",\"result\":{\"action\":\"accept\",\"content\":{\"confirm\":true}}}", session);
      assertThat(answer.statusCode()).isEqualTo(202);
      JsonNode result = call.nextData(client);
      assertThat(result.get("id").asInt()).isEqualTo(7);
      assertThat(result.at("/result/isError").asBoolean()).as(result.toString()).isFalse();
      assertThat(api.takeRequest(5, TimeUnit.SECONDS).getMethod()).isEqualTo("DELETE");
      call.awaitEnd();

      // A second answer to the same question is unknown now: accepted, ignored, and the server still serves.
      assertThat(client.post("{\"jsonrpc\":\"2.0\",\"id\":" + question.get("id")
          + ",\"result\":{\"action\":\"accept\"}}", session).statusCode()).isEqualTo(202);
      assertThat(client.post(request(8, "ping", "{}"), session).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void cancellationAbortsTheUpstreamCallAnswersNothingAndTheServerKeepsServing() throws Exception {
    try (HangingApi api = new HangingApi()) {
      start(api.baseUrl(), McpServerOptions.defaults());
      String session = initialize(HttpTestClient.INIT);
      StreamingPost call = new StreamingPost(client, request(9, "tools/call", "{\"name\":\"slow\"}"), session);
      assertThat(api.awaitRequest()).isEqualTo("GET /v1/slow HTTP/1.1");

      HttpResponse<String> cancel = client.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
          + "\"params\":{\"requestId\":9,\"reason\":\"user pressed stop\"}}", session);
      assertThat(cancel.statusCode()).isEqualTo(202);
      assertThat(api.awaitClosed(10)).as("the API saw the connection closed").isTrue();

      call.awaitEnd();
      assertThat(call.lines).noneMatch(line -> line.startsWith("data: "));
      awaitAudit();
      assertThat(client.mapper.readTree(audit.get(0)).get("outcome").asText())
          .isEqualTo("cancelled");
      assertThat(client.json(client.post(request(10, "ping", "{}"), session)).get("result")).isNotNull();
    }
  }

  @Test
  void cancellingAnUnknownRequestChangesNothing() throws Exception {
    try (MockWebServer api = new MockWebServer()) {
      api.start();
      start(api.url("/v1").toString(), McpServerOptions.defaults());
      String session = initialize(HttpTestClient.INIT);
      assertThat(client.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
          + "\"params\":{\"requestId\":\"nope\"}}", session).statusCode()).isEqualTo(202);
      api.enqueue(new MockResponse.Builder().code(200).body("fine").build());
      HttpResponse<String> after = client.post(request(11, "tools/call", "{\"name\":\"download\"}"), session);
      assertThat(client.json(after).at("/result/content/0/text").asText()).isEqualTo("fine");
    }
  }

  private void awaitAudit() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (audit.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(audit).hasSize(1);
  }
}
