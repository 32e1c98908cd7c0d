package dev.openapi2mcp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.SampleServer;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --page-size N} sets how many tools one {@code tools/list} answer holds (issue 12). A client that follows
 * {@code nextCursor}, as the MCP specification's pagination says clients should, sees every tool of a 499-tool server
 * at any page size; one that ignores the cursor sees the first page only, which the page size decides. Driven
 * through the real launcher over stdio.
 */
@Timeout(60)
class PageSizeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TOOLS = 499;

  /** A running server on pipes: requests go in, one answer line comes out per request. */
  private static final class Stdio implements AutoCloseable {
    private final PipedOutputStream in = new PipedOutputStream();
    private final BufferedReader out;
    private final CompletableFuture<Integer> exit;
    private int id;

    Stdio(String... args) throws Exception {
      PipedInputStream stdin = new PipedInputStream(in, 1 << 20);
      PipedInputStream answers = new PipedInputStream(1 << 20);
      OutputStream protocol = new PipedOutputStream(answers);
      out = new BufferedReader(new InputStreamReader(answers, StandardCharsets.UTF_8));
      PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      LaunchContext context = new LaunchContext(stdin, () -> protocol, quiet, quiet, Map.of(),
          (definition, baseUrl, env) -> SampleServer.executor(new AtomicReference<>()),
          definition -> List.of(), work -> () -> {}, () -> {}, server -> {}, McpServerOptions.defaults());
      exit = CompletableFuture.supplyAsync(() -> new Launcher(context).run(definition(), args, List.of()));
      request("initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}");
      send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    private void send(String line) throws Exception {
      in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    }

    JsonNode request(String method, String params) throws Exception {
      int current = ++id;
      send("{\"jsonrpc\":\"2.0\",\"id\":" + current + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        JsonNode message = JSON.readTree(line);
        if (message.path("id").asInt(-1) == current) {
          return message.get("result");
        }
      }
      throw new AssertionError("the server closed its output");
    }

    JsonNode toolsList(String cursor) throws Exception {
      return request("tools/list", cursor == null ? "{}" : "{\"cursor\":" + JSON.writeValueAsString(cursor) + "}");
    }

    @Override
    public void close() throws Exception {
      in.close();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }
  }

  private static ServerDefinition definition() {
    return ServerDefinition.builder("many").baseUrl("http://127.0.0.1:9/api")
        .tools(IntStream.range(0, TOOLS)
            .mapToObj(i -> ToolDefinition.builder(String.format("tool_%03d", i)).description("Tool " + i + ".")
                .http("GET", "/t/" + i).build())
            .toList())
        .build();
  }

  private static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.get("tools").forEach(tool -> names.add(tool.get("name").asText()));
    return names;
  }

  /** Every tool, following {@code nextCursor}; and how many pages that took. */
  private static List<List<String>> allPages(Stdio server) throws Exception {
    List<List<String>> pages = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = server.toolsList(cursor);
      pages.add(names(page));
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
    } while (cursor != null);
    return pages;
  }

  @Test
  void aClientFollowingTheCursorSeesEveryToolAtTheDefaultPageSize() throws Exception {
    try (Stdio server = new Stdio()) {
      List<List<String>> pages = allPages(server);

      assertThat(pages).hasSize(5);
      assertThat(pages.stream().flatMap(List::stream).distinct()).hasSize(TOOLS);
      assertThat(names(server.toolsList(null))).as("a client that ignores nextCursor").hasSize(100);
    }
  }

  @Test
  void thePageSizeOptionSetsHowManyToolsOnePageHolds() throws Exception {
    try (Stdio server = new Stdio("--page-size", "500")) {
      JsonNode first = server.toolsList(null);

      assertThat(names(first)).as("one page holds them all").hasSize(TOOLS);
      assertThat(first.has("nextCursor")).isFalse();
    }
    try (Stdio server = new Stdio("--page-size=7")) {
      List<List<String>> pages = allPages(server);

      assertThat(pages.get(0)).hasSize(7);
      assertThat(pages).hasSize((TOOLS + 6) / 7);
      assertThat(pages.stream().flatMap(List::stream).distinct()).hasSize(TOOLS);
    }
  }

  @Test
  void aBadPageSizeIsAUsageErrorNamingTheOptionAndTheValue() {
    for (String bad : List.of("0", "-3", "many", "10001")) {
      assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(UsageException.class,
          () -> CommandLine.parse("--page-size", bad)))
          .hasMessage("--page-size must be a whole number from 1 to 10000, was '" + bad + "'");
    }
  }
}
