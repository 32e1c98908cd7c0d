package dev.openapi2mcp.runtime.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.SampleServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StdioTransportTest {
  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  private final ObjectMapper mapper = new ObjectMapper();

  /** Runs the transport over {@code input} to its end and returns each output line parsed. */
  private List<JsonNode> serve(String input, McpServerOptions options) throws IOException {
    McpServer server = SampleServer.server(options);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new StdioTransport(server, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, 4096).run();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    List<JsonNode> messages = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        JsonNode node = mapper.readTree(line);
        assertThat(node.isObject()).as(line).isTrue();
        messages.add(node);
      }
    }
    return messages;
  }

  private List<JsonNode> serve(String input) throws IOException {
    return serve(input, McpServerOptions.defaults());
  }

  @Test
  void aMalformedLineGetsAParseErrorAndTheNextRequestIsStillAnswered() throws Exception {
    List<JsonNode> out = serve(INIT + "\n{not json\n" + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n");
    assertThat(out).hasSize(3);
    assertThat(out.get(1)).isEqualTo(mapper.readTree(
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,"
            + "\"message\":\"Parse error: the message is not valid JSON\"}}"));
    assertThat(out.get(2)).isEqualTo(mapper.readTree("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}"));
  }

  @Test
  void blankLinesAreIgnoredAndCrLfIsAccepted() throws Exception {
    List<JsonNode> out = serve("\n   \n" + INIT + "\r\n\r\n\t\n" + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
    assertThat(out).extracting(n -> n.get("id").asInt()).containsExactly(0, 2);
    assertThat(out.get(1).has("result")).isTrue();
  }

  @Test
  void aBatchIsAnsweredWithInvalidRequest() throws Exception {
    List<JsonNode> out = serve(INIT + "\n[" + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}]\n");
    assertThat(out.get(1).at("/error/code").asInt()).isEqualTo(-32600);
    assertThat(out.get(1).get("id").isNull()).isTrue();
  }

  @Test
  void anOverlongLineIsRejectedAndReadingContinues() throws Exception {
    String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(5000) + "\"}}";
    List<JsonNode> out = serve(INIT + "\n" + huge + "\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n");
    assertThat(out).hasSize(3);
    assertThat(out.get(1).at("/error/code").asInt()).isEqualTo(-32600);
    assertThat(out.get(1).at("/error/message").asText()).contains("4096");
    assertThat(out.get(2).get("id").asInt()).isEqualTo(2);
  }

  @Test
  void aSlowCallDoesNotBlockLaterRequestsAndIsAnsweredBeforeRunReturns() throws Exception {
    List<JsonNode> out = serve(INIT + "\n" + INITIALIZED + "\n"
        + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\",\"arguments\":{\"ms\":400}}}\n"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n");
    // EOF came right after the ping; the slow call was still answered, and after the ping.
    assertThat(out).extracting(n -> n.get("id").asInt()).containsExactly(0, 2, 1);
    assertThat(out.get(2).at("/result/content/0/text").asText()).isEqualTo("slept 400 1");
  }

  @Test
  void concurrentResponsesAreWrittenAsWholeLines() throws Exception {
    StringBuilder input = new StringBuilder(INIT).append('\n');
    for (int i = 1; i <= 60; i++) {
      input.append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
          .append(",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"")
          .append("y".repeat(500)).append("\"}}}\n");
    }
    List<JsonNode> out = serve(input.toString(), McpServerOptions.defaults().withToolThreads(8));
    Set<Integer> ids = out.stream().map(n -> n.get("id").asInt()).collect(Collectors.toSet());
    assertThat(ids).isEqualTo(IntStream.rangeClosed(0, 60).boxed().collect(Collectors.toSet()));
    assertThat(out).hasSize(61);
  }

  @Test
  void logNotificationsGoToStdoutAsMessages() throws Exception {
    // Logging is opt-in (issue 5): the client asks for info and above first.
    List<JsonNode> out = serve(INIT + "\n" + INITIALIZED + "\n"
        + "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"info\"}}\n"
        + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"log\"}}\n");
    out = out.stream().filter(n -> n.path("id").asInt() != 9).toList();
    assertThat(out).hasSize(3);
    assertThat(out.get(1)).isEqualTo(mapper.readTree("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\","
        + "\"params\":{\"level\":\"info\",\"logger\":\"sample\",\"data\":\"info message\"}}"));
    assertThat(out.get(2).get("id").asInt()).isEqualTo(1);
  }

  @Test
  void runReturnsWhenThePipeIsClosed() throws Exception {
    PipedOutputStream client = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(client);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    McpServer server = SampleServer.server(McpServerOptions.defaults());
    Thread thread = new Thread(() -> new StdioTransport(server, in, out).run());
    thread.start();
    client.write((INIT + "\n").getBytes(StandardCharsets.UTF_8));
    client.flush();
    thread.join(300);
    assertThat(thread.isAlive()).as("still serving while input is open").isTrue();
    client.close();
    thread.join(10_000);
    assertThat(thread.isAlive()).isFalse();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"protocolVersion\":\"2025-11-25\"");
  }
}
