package dev.openapi2mcp.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.testing.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 5, reliability: SIGTERM with {@value #IN_FLIGHT} tool calls in flight. The API ({@link ItemsApi}) holds
 * every call until the test releases it, so the test knows the calls are in flight when the signal arrives, without
 * sleeping. Then new calls must be refused, each call in flight must still get its own answer once the API answers,
 * and the process must end. {@code HttpProcessTest} and {@code StreamableHttpTransportTest} pin one call in flight
 * and the transport's {@code close()}; this class holds the real process to several, over both transports.
 */
@Timeout(60)
class GracefulShutdownTest {
  static final int IN_FLIGHT = 6;
  /**
   * The JVM ends a process that SIGTERM shut down with 128 + 15, whatever {@code main} returns: the signal thread
   * holds the shutdown lock while the hooks run, and halts with its own status.
   */
  static final int SIGTERM_EXIT = 143;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ItemsApi api;

  @BeforeEach
  void startApi() throws Exception {
    api = new ItemsApi();
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  private static String callItem(String id, boolean hold) {
    return "{\"name\":\"getItem\",\"arguments\":{\"id\":\"" + id + "\",\"hold\":" + hold + "}}";
  }

  @Test
  void sigtermOverHttpAnswersEveryCallInFlightRefusesNewOnesAndEnds() throws Exception {
    try (ServerProcess server = ServerProcess.start(List.of(), ReliabilityServer.class,
        "--transport", "http", "--port", "0", "--base-url", api.baseUrl())) {
      URI endpoint = URI.create("http://127.0.0.1:" + server.awaitPort() + "/mcp");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> init = post(http, endpoint, null, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
          + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\","
          + "\"version\":\"1\"}}}");
      String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
      post(http, endpoint, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < IN_FLIGHT; i++) {
        inFlight.add(postAsync(http, endpoint, session, request(i + 1, "tools/call", callItem("held-" + i, true))));
      }
      assertThat(api.awaitHeld(IN_FLIGHT, 20)).as("all calls reached the API").isTrue();

      server.terminate();
      // Until the shutdown hook has begun, a new call may still be taken; after that it must be refused.
      int refusedWith = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      for (int n = 100; refusedWith == 0 && System.nanoTime() < deadline; n++) {
        try {
          HttpResponse<String> late = post(http, endpoint, session, request(n, "tools/call", callItem("late", false)));
          if (late.statusCode() == 503) {
            refusedWith = 503;
            JsonNode error = JSON.readTree(late.body());
            assertThat(error.at("/error/message").asText()).contains("shutting down");
          } else {
            assertThat(late.statusCode()).isEqualTo(200);
            Thread.sleep(10);
          }
        } catch (IOException e) {
          refusedWith = -1; // connection refused or closed: also a refusal
        }
      }
      assertThat(refusedWith).as("a new call was refused while calls were in flight").isNotZero();
      assertThat(inFlight).noneMatch(CompletableFuture::isDone);

      api.release();
      for (int i = 0; i < IN_FLIGHT; i++) {
        HttpResponse<String> response = inFlight.get(i).get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("id").asInt()).isEqualTo(i + 1);
        assertThat(answer.at("/result/isError").asBoolean()).isFalse();
        assertThat(answer.at("/result/content/0/text").asText()).isEqualTo("{\"id\":\"held-" + i + "\"}");
      }
      int exit = server.awaitExit(20);
      System.out.println("SIGTERM over HTTP: " + IN_FLIGHT + " calls in flight answered, new calls refused with "
          + (refusedWith == 503 ? "503" : "a refused connection") + ", exit code " + exit);
      assertThat(exit).as("128 + SIGTERM: the JVM's status once its shutdown hooks have run").isEqualTo(SIGTERM_EXIT);
      assertThat(server.stderr()).doesNotContain("Exception");
    }
  }

  @Test
  void sigtermOverStdioAnswersEveryCallInFlightRefusesNewOnesAndEnds() throws Exception {
    try (ServerProcess server = ServerProcess.start(List.of(), ReliabilityServer.class, "--base-url", api.baseUrl());
        StdioPipe pipe = new StdioPipe(server.process())) {
      List<CompletableFuture<JsonNode>> inFlight = holdCalls(pipe);

      server.terminate();
      JsonNode refused = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (refused == null && System.nanoTime() < deadline) {
        JsonNode late = pipe.request("tools/call", callItem("late", false)).get(20, TimeUnit.SECONDS);
        if (late.has("error")) {
          refused = late;
        } else {
          Thread.sleep(10);
        }
      }
      assertThat(refused).as("a new call was refused while calls were in flight").isNotNull();
      assertThat(refused.at("/error/message").asText()).contains("shutting down");
      assertThat(inFlight).noneMatch(CompletableFuture::isDone);

      api.release();
      for (int i = 0; i < IN_FLIGHT; i++) {
        JsonNode answer = inFlight.get(i).get(20, TimeUnit.SECONDS);
        assertThat(answer.at("/result/isError").asBoolean()).isFalse();
        assertThat(answer.at("/result/content/0/text").asText()).isEqualTo("{\"id\":\"held-" + i + "\"}");
      }
      int exit = server.awaitExit(20);
      System.out.println("SIGTERM over stdio: " + IN_FLIGHT + " calls in flight answered, new calls refused with "
          + refused.at("/error/code").asInt() + ", exit code " + exit);
      assertThat(exit).as("128 + SIGTERM: the JVM's status once its shutdown hooks have run").isEqualTo(SIGTERM_EXIT);
      assertThat(pipe.strays.get()).isZero();
      assertThat(server.stderr()).doesNotContain("Exception");
    }
  }

  /**
   * The MCP client's own shutdown sequence on stdio: close the server's input, then SIGTERM. Issue 5: end of input
   * and the shutdown hook both closed the server; the second close returned at once, so the hook ended and the JVM
   * halted with the calls in flight unanswered.
   */
  @Test
  void endOfInputThenSigtermStillAnswersEveryCallInFlight() throws Exception {
    try (ServerProcess server = ServerProcess.start(List.of(), ReliabilityServer.class, "--base-url", api.baseUrl());
        StdioPipe pipe = new StdioPipe(server.process())) {
      List<CompletableFuture<JsonNode>> inFlight = holdCalls(pipe);

      pipe.close();
      server.terminate();
      // Give the signal time to reach the hooks; without the fix the process is gone well within this.
      assertThat(server.process().waitFor(1, TimeUnit.SECONDS)).as("the process waits for its calls").isFalse();
      api.release();
      for (int i = 0; i < IN_FLIGHT; i++) {
        JsonNode answer = inFlight.get(i).get(20, TimeUnit.SECONDS);
        assertThat(answer.at("/result/content/0/text").asText()).isEqualTo("{\"id\":\"held-" + i + "\"}");
      }
      assertThat(server.awaitExit(20)).isIn(0, SIGTERM_EXIT);
      assertThat(server.stderr()).doesNotContain("Exception");
    }
  }

  /** Initializes over {@code pipe}, sends {@link #IN_FLIGHT} calls the API holds, and returns them once all are held. */
  private List<CompletableFuture<JsonNode>> holdCalls(StdioPipe pipe) throws Exception {
    pipe.initialize();
    List<CompletableFuture<JsonNode>> inFlight = new ArrayList<>();
    for (int i = 0; i < IN_FLIGHT; i++) {
      inFlight.add(pipe.request("tools/call", callItem("held-" + i, true)));
    }
    assertThat(api.awaitHeld(IN_FLIGHT, 20)).as("all calls reached the API").isTrue();
    return inFlight;
  }

  private static String request(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
  }

  private static HttpRequest httpRequest(URI endpoint, String session, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    return request.build();
  }

  private static HttpResponse<String> post(HttpClient http, URI endpoint, String session, String body)
      throws IOException, InterruptedException {
    return http.send(httpRequest(endpoint, session, body), HttpResponse.BodyHandlers.ofString());
  }

  private static CompletableFuture<HttpResponse<String>> postAsync(HttpClient http, URI endpoint, String session,
      String body) {
    return http.sendAsync(httpRequest(endpoint, session, body), HttpResponse.BodyHandlers.ofString());
  }
}
