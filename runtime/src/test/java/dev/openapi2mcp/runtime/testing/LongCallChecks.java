package dev.openapi2mcp.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * What the official Java SDK client sees of long calls and destructive confirmation (issue 5), whatever the
 * transport: a {@link LongCallServer} with {@code --confirm-destructive} whose API is {@code api}.
 */
public final class LongCallChecks {
  public static final int DOCUMENT_BYTES = 300_000;

  final MockWebServer api;
  public final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
  public final List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
  public final List<McpSchema.ElicitFormRequest> questions = new CopyOnWriteArrayList<>();
  final AtomicReference<McpSchema.ElicitResult> answer = new AtomicReference<>();

  public LongCallChecks(MockWebServer api) {
    this.api = api;
  }

  /** A client that declares form elicitation and records progress, log messages and questions. */
  public McpSyncClient client(McpClientTransport transport) {
    return McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(30))
        .initializationTimeout(Duration.ofSeconds(30))
        .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
        .progressConsumer(progress::add)
        .loggingConsumer(logs::add)
        .elicitation(request -> {
          questions.add(request);
          return answer.get();
        })
        .build();
  }

  /** Connects a {@link #client} over {@code transport}, runs every check of this class with it, and closes it. */
  public void runAll(McpClientTransport transport) throws Exception {
    McpSyncClient client = client(transport);
    try {
      client.initialize();
      progressOfALargeDownload(client);
      destructiveToolsAskFirst(client);
      upstreamErrorsAreLoggedAtTheClientsLevel(client);
    } finally {
      client.closeGracefully();
    }
  }

  /** Progress arrives for the client's token, strictly increasing, and reaches the body's full length. */
  public void progressOfALargeDownload(McpSyncClient client) throws Exception {
    api.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain")
        .body("x".repeat(DOCUMENT_BYTES)).build());
    McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder()
        .name("download").arguments(Map.of()).progressToken("dl-1").build());
    assertThat(result.isError()).isFalse();
    double end = 2.0 + DOCUMENT_BYTES;
    await(() -> progress.stream().anyMatch(p -> p.progress() == end));
    assertThat(progress).allSatisfy(p -> assertThat(p.progressToken()).isEqualTo("dl-1"));
    // The SDK client hands notifications to its consumers concurrently, so their order here is not the wire order
    // (HttpLongCallsTest and LongCallsCoreTest check that); the values themselves are.
    List<Double> values = progress.stream().map(McpSchema.ProgressNotification::progress).sorted().toList();
    assertThat(values).doesNotHaveDuplicates().startsWith(1.0, 2.0).endsWith(end);
    // Reading 300 KB in 64 KiB steps gives more than one body report.
    assertThat(values.stream().filter(v -> v > 2.0)).hasSizeGreaterThan(1);
    assertThat(progress.stream().filter(p -> p.progress() == end).findFirst().orElseThrow().total()).isEqualTo(end);
    assertThat(progress).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    api.takeRequest(5, TimeUnit.SECONDS);

    // Without a token, nothing is reported.
    int before = progress.size();
    api.enqueue(new MockResponse.Builder().code(200).body("small").build());
    assertThat(client.callTool(McpSchema.CallToolRequest.builder().name("download").arguments(Map.of()).build())
        .isError()).isFalse();
    api.takeRequest(5, TimeUnit.SECONDS);
    Thread.sleep(200);
    assertThat(progress).hasSize(before);
  }

  /** The destructive tool runs only after the user accepted; declining sends nothing to the API. */
  public void destructiveToolsAskFirst(McpSyncClient client) throws Exception {
    answer.set(new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", true)));
    api.enqueue(new MockResponse.Builder().code(204).build());
    McpSchema.CallToolResult accepted = client.callTool(call("deleteItem", Map.of("id", 7)));
    assertThat(accepted.isError()).as(text(accepted)).isFalse();
    RecordedRequest sent = api.takeRequest(5, TimeUnit.SECONDS);
    assertThat(sent.getMethod()).isEqualTo("DELETE");
    assertThat(sent.getUrl().encodedPath()).endsWith("/items/7");
    assertThat(questions).hasSize(1);
    assertThat(questions.get(0).message()).contains("deleteItem").contains("- \"id\": 7");
    assertThat(questions.get(0).requestedSchema()).containsEntry("required", List.of("confirm"));

    int requests = api.getRequestCount();
    answer.set(new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null));
    McpSchema.CallToolResult declined = client.callTool(call("deleteItem", Map.of("id", 8)));
    assertThat(declined.isError()).isTrue();
    assertThat(text(declined)).contains("not confirmed by the user").contains("declined");

    answer.set(new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", false)));
    assertThat(text(client.callTool(call("deleteItem", Map.of("id", 9))))).contains("not confirmed by the user");

    answer.set(new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.CANCEL, null));
    assertThat(text(client.callTool(call("deleteItem", Map.of("id", 10))))).contains("not confirmed by the user");
    assertThat(api.getRequestCount()).isEqualTo(requests);
    assertThat(questions).hasSize(4);

    // A read-only tool is never asked about.
    api.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    assertThat(client.callTool(call("getItem", Map.of("id", 1))).isError()).isFalse();
    api.takeRequest(5, TimeUnit.SECONDS);
    assertThat(questions).hasSize(4);
  }

  /** After {@code setLevel(warning)}, an upstream error arrives as a warning naming the tool. */
  public void upstreamErrorsAreLoggedAtTheClientsLevel(McpSyncClient client) throws Exception {
    api.enqueue(new MockResponse.Builder().code(500).body("broken").build());
    assertThat(client.callTool(call("getItem", Map.of("id", 2))).isError()).isTrue();
    api.takeRequest(5, TimeUnit.SECONDS);
    Thread.sleep(200);
    assertThat(logs).as("no level set yet: nothing is logged").isEmpty();

    client.setLoggingLevel(McpSchema.LoggingLevel.WARNING);
    api.enqueue(new MockResponse.Builder().code(500).body("broken").build());
    assertThat(client.callTool(call("getItem", Map.of("id", 3))).isError()).isTrue();
    api.takeRequest(5, TimeUnit.SECONDS);
    await(() -> !logs.isEmpty());
    McpSchema.LoggingMessageNotification log = logs.get(0);
    assertThat(log.level()).isEqualTo(McpSchema.LoggingLevel.WARNING);
    assertThat(log.logger()).isEqualTo("openapi2mcp.http");
    assertThat(log.data()).contains("HTTP 500").contains("getItem").contains("GET ");

    client.setLoggingLevel(McpSchema.LoggingLevel.ERROR);
    logs.clear();
    api.enqueue(new MockResponse.Builder().code(500).body("broken").build());
    client.callTool(call("getItem", Map.of("id", 4)));
    api.takeRequest(5, TimeUnit.SECONDS);
    Thread.sleep(200);
    assertThat(logs).isEmpty();
  }

  static McpSchema.CallToolRequest call(String name, Map<String, Object> arguments) {
    return McpSchema.CallToolRequest.builder(name).arguments(arguments).build();
  }

  public static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).as("condition met within 10 s").isTrue();
  }
}
