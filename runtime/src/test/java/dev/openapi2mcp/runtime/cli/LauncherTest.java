package dev.openapi2mcp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.SampleServer;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LauncherTest {
  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final ByteArrayOutputStream protocol = new ByteArrayOutputStream();
  private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
  private final List<String> seenBaseUrls = new CopyOnWriteArrayList<>();
  private final AtomicReference<McpServer> server = new AtomicReference<>();
  private String stdin = "";
  private LaunchContext.ExecutorFactory executors = (definition, baseUrl, env) -> {
    seenBaseUrls.add(baseUrl);
    return SampleServer.executor(server);
  };

  private LaunchContext context() {
    return new LaunchContext(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        () -> protocol,
        new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8),
        Map.of("SAMPLE_TOKEN", "x"),
        executors,
        definition -> List.of("SAMPLE_TOKEN  bearer token for scheme 'auth'"),
        work -> {
          hooks.add(work);
          return () -> hooks.remove(work);
        },
        () -> {},
        server::set,
        McpServerOptions.defaults());
  }

  private int run(ServerDefinition definition, String... args) {
    return new Launcher(context()).run(definition, args, List.of("  --demo                   serve canned data"));
  }

  private int run(String... args) {
    return run(SampleServer.definition(), args);
  }

  private String out() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return stderr.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpGoesToStdoutWithOptionsExtraLinesAndCredentials() {
    assertThat(run("--help")).isEqualTo(Launcher.OK);
    assertThat(out()).startsWith("Usage: sample [options]")
        .contains("--transport stdio|http", "--host HOST", "--port PORT", "--base-url URL", "--allow-origin ORIGIN",
            "--stateless", "(default: http://127.0.0.1:9/api)")
        .contains("  --demo                   serve canned data")
        .contains("  SAMPLE_TOKEN  bearer token for scheme 'auth'");
    assertThat(err()).isEmpty();
    assertThat(seenBaseUrls).as("no executor is built for --help").isEmpty();
  }

  @Test
  void aBadOptionIsReportedOnStderrWithAPointerToHelpAndExit2() {
    assertThat(run("--transport", "carrier-pigeon")).isEqualTo(Launcher.USAGE);
    assertThat(err().lines()).containsExactly(
        "openapi2mcp: --transport must be stdio or http, was 'carrier-pigeon'",
        "Run with --help for the options.");
    assertThat(out()).isEmpty();
    stderr.reset();
    assertThat(run("--verbose")).isEqualTo(Launcher.USAGE);
    assertThat(err().lines()).first().asString().startsWith("openapi2mcp: unknown option '--verbose'");
    assertThat(err().lines()).hasSize(2).last().isEqualTo("Run with --help for the options.");
  }

  @Test
  void withoutAnyBaseUrlTheServerRefusesToStart() {
    ServerDefinition noServer = ServerDefinition.builder("bare").version("1")
        .tool(ToolDefinition.builder("t").description("d").http("GET", "/").build()).build();
    assertThat(run(noServer)).isEqualTo(Launcher.USAGE);
    assertThat(err()).contains("no base URL").contains("--base-url");
    assertThat(seenBaseUrls).isEmpty();
  }

  @Test
  void baseUrlOptionOverridesTheDefinition() {
    assertThat(run("--base-url", "https://override.example.com/v2")).isEqualTo(Launcher.OK);
    assertThat(run()).isEqualTo(Launcher.OK);
    assertThat(seenBaseUrls).containsExactly("https://override.example.com/v2", "http://127.0.0.1:9/api");
  }

  @Test
  void anExecutorThatCannotBeBuiltIsExit1WithItsMessage() {
    executors = (definition, baseUrl, env) -> {
      throw new IllegalStateException("SAMPLE_TOKEN is empty");
    };
    assertThat(run()).isEqualTo(Launcher.FAILED);
    assertThat(err()).contains("cannot start: SAMPLE_TOKEN is empty");
  }

  @Test
  void stdioServesUntilEndOfInputAndExits0() throws Exception {
    stdin = INIT + "\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}\n";
    assertThat(run()).isEqualTo(Launcher.OK);
    String[] lines = protocol.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    ObjectMapper mapper = new ObjectMapper();
    assertThat(mapper.readTree(lines[0]).at("/result/serverInfo/name").asText()).isEqualTo("sample");
    assertThat(mapper.readTree(lines[1]).at("/result/content/0/text").asText()).isEqualTo("{}");
    assertThat(hooks).as("the shutdown hook is removed after a normal end").isEmpty();
  }

  @Test
  void httpPrintsTheListeningLineServesAndStopsOnShutdown() throws Exception {
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run("--transport", "http", "--port", "0"));
    int port = awaitPort();
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
            .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(INIT)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Mcp-Session-Id")).isPresent();
    assertThat(exit).isNotDone();

    assertThat(hooks).hasSize(1);
    new ArrayList<>(hooks).forEach(Runnable::run); // what SIGTERM does
    assertThat(exit.get(20, TimeUnit.SECONDS)).isEqualTo(Launcher.OK);
    assertThat(hooks).isEmpty();
  }

  private int awaitPort() throws InterruptedException {
    Pattern listening = Pattern.compile("openapi2mcp: sample listening on http://127\\.0\\.0\\.1:(\\d+)/mcp");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Matcher matcher = listening.matcher(err());
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no listening line in: " + err());
  }

  @Test
  void aTakenPortIsExit1NamingTheAddressAndWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertThat(run("--transport", "http", "--port", String.valueOf(port))).isEqualTo(Launcher.FAILED);
      assertThat(err().lines()).containsExactly("openapi2mcp: port " + port + " on 127.0.0.1 is in use: pass "
          + "--port 0 for a free port, or another --port");
    }
  }

  @Test
  void anUnknownHostIsAUsageError() {
    assertThat(run("--transport", "http", "--port", "0", "--host", "no-such-host.invalid")).isEqualTo(Launcher.USAGE);
    assertThat(err()).contains("--host").contains("no-such-host.invalid");
  }
  @Test
  void theResponseBudgetOptionReachesTheExecutorFactory() {
    List<Long> budgets = new CopyOnWriteArrayList<>();
    executors = new LaunchContext.ExecutorFactory() {
      @Override
      public ToolExecutor create(ServerDefinition definition, String baseUrl, Map<String, String> environment) {
        throw new AssertionError("the launcher passes its command line");
      }

      @Override
      public ToolExecutor create(ServerDefinition definition, String baseUrl, Map<String, String> environment,
          CommandLine options) {
        budgets.add(options.maxResponseBytes());
        return SampleServer.executor(server);
      }
    };

    assertThat(run("--max-response-bytes", "2k")).isEqualTo(Launcher.OK);
    assertThat(budgets).containsExactly(2048L);
  }
}
