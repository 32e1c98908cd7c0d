package dev.openapi2mcp.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.testing.SampleServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LifecycleTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final McpServer server = SampleServer.server(McpServerOptions.defaults());
  private final Conversation client = new Conversation(server, new McpSession(null, "test"));

  @AfterEach
  void close() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"})
  void initializeAnswersWithTheRequestedSupportedRevision(String version) throws Exception {
    JsonNode result = client.initialize(version).get("result");

    assertThat(result.get("protocolVersion").asText()).isEqualTo(version);
    assertThat(result.get("capabilities"))
        .isEqualTo(mapper.readTree("{\"tools\":{\"listChanged\":false},\"logging\":{}}"));
    assertThat(result.get("instructions").asText()).isEqualTo("Use echo to test.");
    assertThat(client.session.revision()).contains(ProtocolRevision.find(version).orElseThrow());
    assertThat(client.session.isClientReady()).isTrue();
    assertThat(client.session.clientName()).isEqualTo("t");
  }

  @Test
  void serverInfoHasATitleOnlyInRevisionsWithTitles() throws Exception {
    assertThat(client.initialize("2025-06-18").at("/result/serverInfo"))
        .isEqualTo(mapper.readTree("{\"name\":\"sample\",\"version\":\"1.2.3\",\"title\":\"Sample API\"}"));

    Conversation old = new Conversation(server, new McpSession(null, "test"));
    assertThat(old.initialize("2025-03-26").at("/result/serverInfo"))
        .isEqualTo(mapper.readTree("{\"name\":\"sample\",\"version\":\"1.2.3\"}"));
  }

  @Test
  void anUnknownRevisionIsAnsweredWithTheLatest() {
    assertThat(client.initialize("2099-01-01").at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
    assertThat(client.session.revision()).contains(ProtocolRevision.V2025_11_25);
  }

  @Test
  void initializeWithoutProtocolVersionIsInvalidParams() {
    ObjectNode response = client.request(1, "initialize", "{\"capabilities\":{}}");
    assertThat(response.at("/error/code").asInt()).isEqualTo(JsonRpcException.INVALID_PARAMS);
    assertThat(response.at("/error/message").asText()).contains("protocolVersion");
    assertThat(client.session.isInitialized()).isFalse();
  }

  @Test
  void initializeTwiceIsRejectedAndKeepsTheFirstRevision() {
    client.initialize("2025-06-18");
    ObjectNode second = client.request(1, "initialize", "{\"protocolVersion\":\"2024-11-05\"}");
    assertThat(second.at("/error/code").asInt()).isEqualTo(JsonRpcException.INVALID_REQUEST);
    assertThat(client.session.revision()).contains(ProtocolRevision.V2025_06_18);
  }

  @Test
  void beforeInitializeOnlyPingIsServed() {
    assertThat(client.result(1, "ping", "{}")).isEqualTo(mapper.createObjectNode());
    ObjectNode list = client.request(2, "tools/list", "{}");
    assertThat(list.at("/error/code").asInt()).isEqualTo(JsonRpcException.INVALID_REQUEST);
    assertThat(list.at("/error/message").asText()).contains("initialize");
  }

  @Test
  void pingAnswersAnEmptyObjectWithTheSameId() {
    client.initialize("2025-11-25");
    ObjectNode response = client.send("{\"jsonrpc\":\"2.0\",\"id\":\"123\",\"method\":\"ping\"}");
    assertThat(response.get("id").asText()).isEqualTo("123");
    assertThat(response.get("id").isTextual()).isTrue();
    assertThat(response.get("result")).isEqualTo(mapper.createObjectNode());
  }

  @Test
  void unknownMethodIsMethodNotFound() {
    client.initialize("2025-11-25");
    ObjectNode response = client.request(4, "resources/list", "{}");
    assertThat(response.get("id").asInt()).isEqualTo(4);
    assertThat(response.at("/error/code").asInt()).isEqualTo(JsonRpcException.METHOD_NOT_FOUND);
    assertThat(response.at("/error/message").asText()).contains("resources/list");
  }

  @Test
  void notificationsAndResponsesGetNoAnswer() {
    client.initialize("2025-11-25");
    assertThat(client.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
        + "{\"requestId\":1,\"reason\":\"user\"}}")).isNull();
    assertThat(client.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/unknown\"}")).isNull();
    assertThat(client.send("{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{}}")).isNull();
    // Still serving afterwards.
    assertThat(client.result(5, "ping", "{}")).isEqualTo(mapper.createObjectNode());
  }

  @Test
  void startsSessionOnlyForInitializeRequests() throws Exception {
    JsonRpcCodec codec = server.codec();
    assertThat(server.startsSession(codec.read("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}"))).isTrue();
    assertThat(server.startsSession(codec.read("{\"jsonrpc\":\"2.0\",\"method\":\"initialize\"}"))).isFalse();
    assertThat(server.startsSession(codec.read("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))).isFalse();
  }
}
