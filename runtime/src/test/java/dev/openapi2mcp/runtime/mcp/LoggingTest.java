package dev.openapi2mcp.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.openapi2mcp.runtime.testing.SampleServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoggingTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final McpServer server = SampleServer.server(McpServerOptions.defaults());
  private final McpSession session = new McpSession(null, "test");
  private final Conversation client = new Conversation(server, session);
  private final List<ObjectNode> sent = new CopyOnWriteArrayList<>();

  @BeforeEach
  void connect() {
    session.setSink(message -> sent.add(message));
  }

  @AfterEach
  void close() {
    server.close();
  }

  private List<String> sentLevels() {
    return sent.stream().map(m -> m.at("/params/level").asText()).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"})
  void setLevelAcceptsEachRfc5424LevelAndAnswersAnEmptyObject(String level) {
    client.initialize("2025-11-25");
    assertThat(client.result(1, "logging/setLevel", "{\"level\":\"" + level + "\"}"))
        .isEqualTo(mapper.createObjectNode());
    assertThat(session.logLevel().map(LogLevel::wireName)).contains(level);
  }

  @Test
  void anUnknownOrMissingLevelIsInvalidParamsAndKeepsTheOldLevel() {
    client.initialize("2025-11-25");
    for (String params : List.of("{\"level\":\"verbose\"}", "{\"level\":\"INFO\"}", "{}", "{\"level\":3}")) {
      ObjectNode response = client.request(2, "logging/setLevel", params);
      assertThat(response.at("/error/code").asInt()).as(params).isEqualTo(JsonRpcException.INVALID_PARAMS);
      assertThat(response.at("/error/message").asText()).contains("debug");
    }
    assertThat(session.logLevel()).isEmpty();
  }

  @Test
  void nothingIsLoggedToAClientThatNeverSetALevel() {
    client.initialize("2025-11-25");
    assertThat(session.log(LogLevel.EMERGENCY, "l", TextNode.valueOf("x"))).isFalse();
    client.result(4, "tools/call", "{\"name\":\"log\"}");
    assertThat(sent).isEmpty();
  }

  @Test
  void messagesBelowTheSessionLevelAreNotSent() throws Exception {
    client.initialize("2025-11-25");
    client.result(2, "logging/setLevel", "{\"level\":\"info\"}");
    assertThat(session.log(LogLevel.DEBUG, "l", TextNode.valueOf("d"))).isFalse();
    assertThat(session.log(LogLevel.INFO, "l", TextNode.valueOf("i"))).isTrue();
    client.result(3, "logging/setLevel", "{\"level\":\"error\"}");
    session.log(LogLevel.WARNING, "l", TextNode.valueOf("w"));
    session.log(LogLevel.CRITICAL, null, mapper.readTree("{\"k\":1}"));

    assertThat(sentLevels()).containsExactly("info", "critical");
    assertThat(sent.get(0)).isEqualTo(mapper.readTree(
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\","
            + "\"params\":{\"level\":\"info\",\"logger\":\"l\",\"data\":\"i\"}}"));
    assertThat(sent.get(1).get("params").has("logger")).isFalse();
  }

  @Test
  void nothingIsSentBeforeInitialize() {
    assertThat(session.log(LogLevel.EMERGENCY, "l", TextNode.valueOf("x"))).isFalse();
    assertThat(sent).isEmpty();
  }

  @Test
  void aRunningToolReachesItsSessionThroughTheCallContext() {
    client.initialize("2025-11-25");
    client.result(4, "logging/setLevel", "{\"level\":\"info\"}");
    client.result(4, "tools/call", "{\"name\":\"log\"}");
    assertThat(sentLevels()).containsExactly("info");

    client.result(5, "logging/setLevel", "{\"level\":\"debug\"}");
    client.result(6, "tools/call", "{\"name\":\"log\"}");
    assertThat(sentLevels()).containsExactly("info", "debug", "info");
  }
}
