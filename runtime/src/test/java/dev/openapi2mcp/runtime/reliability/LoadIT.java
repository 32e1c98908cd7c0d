package dev.openapi2mcp.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.testing.SdkClients;
import dev.openapi2mcp.runtime.testing.ServerProcess;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 5, reliability: concurrent load through the real server process against a fast API on loopback
 * ({@link ItemsApi}, which echoes the id of each request). {@value #CLIENTS} clients of the official MCP client each
 * make {@code calls} tool calls (system property {@code reliability.load.calls}, default {@value #CALLS}) with ids of
 * their own; every result must hold its own request's id: no lost, failed or crossed responses. Over Streamable HTTP
 * each client has its own session; over stdio the callers share one process and one connection ({@link StdioPipe},
 * since the SDK's stdio client cannot send from several threads), so that requests of all of them are in flight on
 * it at once. The figures are printed for the reliability note; speed is never
 * asserted.
 */
@Timeout(180)
class LoadIT {
  static final int CLIENTS = 16;
  static final int CALLS = 500;

  private final int calls = Integer.getInteger("reliability.load.calls", CALLS);
  private ItemsApi api;

  @BeforeEach
  void startApi() throws Exception {
    api = new ItemsApi();
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  /** What one run counted. */
  private record Tally(int calls, int errors, int lost, int crossed, long millis) {
    String line(String transport) {
      return "load over " + transport + ": " + CLIENTS + " clients x " + (calls / CLIENTS) + " calls = " + calls
          + " calls, " + errors + " error results, " + lost + " lost, " + crossed + " crossed, " + millis + " ms, "
          + (millis == 0 ? "-" : String.valueOf(calls * 1000L / millis)) + " calls/s";
    }
  }

  @Test
  void sixteenHttpSessionsGetEachTheirOwnAnswers() throws Exception {
    try (ServerProcess server = ServerProcess.start(List.of(), ReliabilityServer.class,
        "--transport", "http", "--port", "0", "--base-url", api.baseUrl())) {
      int port = server.awaitPort();
      List<McpSyncClient> clients = new ArrayList<>();
      try {
        for (int i = 0; i < CLIENTS; i++) {
          clients.add(SdkClients.http(port));
        }
        clients.parallelStream().forEach(McpSyncClient::initialize);
        Tally tally = run(caller -> id -> {
          McpSchema.CallToolResult result = SdkClients.call(clients.get(caller), "getItem", Map.of("id", id));
          return new Answer(Boolean.TRUE.equals(result.isError()), SdkClients.text(result));
        });
        System.out.println(tally.line("Streamable HTTP (" + CLIENTS + " sessions)"));
        assertClean(tally);
        assertThat(server.process().isAlive()).isTrue();
      } finally {
        clients.forEach(McpSyncClient::closeGracefully);
      }
    }
  }

  @Test
  void oneStdioProcessAnswersConcurrentRequestsEachWithItsOwnAnswer() throws Exception {
    try (ServerProcess server = ServerProcess.start(List.of(), ReliabilityServer.class, "--base-url", api.baseUrl());
        StdioPipe pipe = new StdioPipe(server.process())) {
      pipe.initialize();
      Tally tally = run(caller -> id -> {
        JsonNode response = pipe.request("tools/call", "{\"name\":\"getItem\",\"arguments\":{\"id\":\"" + id + "\"}}")
            .get(30, TimeUnit.SECONDS);
        if (response.has("error")) {
          throw new IllegalStateException(response.get("error").toString());
        }
        return new Answer(response.at("/result/isError").asBoolean(false),
            response.at("/result/content/0/text").asText());
      });
      System.out.println(tally.line("stdio (one process, " + CLIENTS + " concurrent callers)"));
      assertClean(tally);
      assertThat(pipe.strays.get()).as("answers to no request in flight").isZero();
      assertThat(server.process().isAlive()).isTrue();
    }
  }

  private void assertClean(Tally tally) {
    assertThat(tally.calls()).isEqualTo(CLIENTS * calls);
    assertThat(tally.lost()).as("lost responses").isZero();
    assertThat(tally.crossed()).as("responses to another request").isZero();
    assertThat(tally.errors()).as("error results").isZero();
    assertThat(api.requests()).as("requests that reached the API").isEqualTo(CLIENTS * calls);
  }

  /** The result of one call: whether it is an error, and its text. */
  private record Answer(boolean isError, String text) {}

  /** One call of {@code getItem} with an id; may throw when the call got no answer. */
  @FunctionalInterface
  private interface Call {
    Answer call(String id) throws Exception;
  }

  /** Runs {@link #CLIENTS} callers at once, caller {@code i} calling through {@code client.apply(i)}. */
  private Tally run(IntFunction<Call> client) throws Exception {
    AtomicInteger done = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger lost = new AtomicInteger();
    AtomicInteger crossed = new AtomicInteger();
    List<String> firstProblems = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService callers = Executors.newFixedThreadPool(CLIENTS);
    long started = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int caller = c;
        futures.add(callers.submit(() -> {
          Random random = new Random(caller);
          for (int n = 0; n < calls; n++) {
            String id = "c" + caller + "-" + n + "-" + Integer.toHexString(random.nextInt());
            done.incrementAndGet();
            Answer result;
            try {
              result = client.apply(caller).call(id);
            } catch (Exception e) {
              lost.incrementAndGet();
              note(firstProblems, id + ": " + e);
              continue;
            }
            String text = result.text();
            if (result.isError()) {
              errors.incrementAndGet();
              note(firstProblems, id + ": " + text);
            } else if (!text.equals("{\"id\":\"" + id + "\"}")) {
              crossed.incrementAndGet();
              note(firstProblems, id + " got " + text);
            }
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get(150, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertThat(firstProblems).as("the first problems").isEmpty();
    return new Tally(done.get(), errors.get(), lost.get(), crossed.get(), millis);
  }

  private static void note(List<String> problems, String problem) {
    if (problems.size() < 5) {
      problems.add(problem);
    }
  }
}
