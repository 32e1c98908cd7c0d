package dev.openapi2mcp.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.testing.SampleServer;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ToolsListTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final McpServer server = SampleServer.server(McpServerOptions.defaults().withPageSize(3));

  @AfterEach
  void close() {
    server.close();
  }

  private Conversation client(String version) {
    Conversation client = new Conversation(server, new McpSession(null, "test"));
    client.initialize(version);
    return client;
  }

  private static JsonNode tool(JsonNode tools, String name) {
    for (JsonNode tool : tools) {
      if (tool.get("name").asText().equals(name)) {
        return tool;
      }
    }
    throw new AssertionError("no tool " + name + " in " + tools);
  }

  private List<JsonNode> allTools(Conversation client) {
    List<JsonNode> tools = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = client.result(100 + pages, "tools/list",
          cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}");
      page.get("tools").forEach(tools::add);
      cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
      pages++;
    } while (cursor != null && pages < 10);
    return tools;
  }

  @Test
  void pagesHoldPageSizeToolsInDefinitionOrderAndTheLastHasNoCursor() {
    Conversation client = client("2025-11-25");
    JsonNode first = client.result(1, "tools/list", "{}");
    assertThat(first.get("tools")).hasSize(3);
    assertThat(first.get("nextCursor").isTextual()).isTrue();

    JsonNode second = client.result(2, "tools/list", "{\"cursor\":\"" + first.get("nextCursor").asText() + "\"}");
    assertThat(second.get("tools")).hasSize(3);
    JsonNode third = client.result(3, "tools/list", "{\"cursor\":\"" + second.get("nextCursor").asText() + "\"}");
    assertThat(third.get("tools")).hasSize(2);
    assertThat(third.has("nextCursor")).isFalse();

    List<String> names = allTools(client).stream().map(t -> t.get("name").asText()).toList();
    assertThat(names).containsExactlyElementsOf(
        SampleServer.definition().tools().stream().map(ToolDefinition::name).toList());
  }

  @Test
  void aSinglePageHasNoNextCursor() {
    McpServer big = SampleServer.server(McpServerOptions.defaults());
    try {
      Conversation client = new Conversation(big, new McpSession(null, "t"));
      client.initialize("2025-11-25");
      JsonNode page = client.result(1, "tools/list", "{}");
      assertThat(page.get("tools")).hasSize(8);
      assertThat(page.has("nextCursor")).isFalse();
    } finally {
      big.close();
    }
  }

  @Test
  void cursorsNotIssuedByTheServerAreInvalidParams() {
    Conversation client = client("2025-11-25");
    String outOfRange = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("offset:99".getBytes(StandardCharsets.US_ASCII));
    String zero = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("offset:0".getBytes(StandardCharsets.US_ASCII));
    for (String params : List.of("{\"cursor\":\"not a cursor!\"}", "{\"cursor\":\"" + outOfRange + "\"}",
        "{\"cursor\":\"" + zero + "\"}", "{\"cursor\":\"\"}", "{\"cursor\":17}")) {
      ObjectNode response = client.request(7, "tools/list", params);
      assertThat(response.at("/error/code").asInt()).as(params).isEqualTo(JsonRpcException.INVALID_PARAMS);
      assertThat(response.get("id").asInt()).isEqualTo(7);
    }
  }

  @Test
  void latestRevisionShowsTitlesOutputSchemaAndOnlyAnnotationsThatDifferFromTheDefaults() throws Exception {
    List<JsonNode> tools = allTools(client("2025-11-25"));
    JsonNode echo = tool(mapper.valueToTree(tools), "echo");
    assertThat(echo).isEqualTo(mapper.readTree("""
        {"name":"echo","title":"Echo the arguments","description":"Returns its arguments as JSON.",
         "inputSchema":{"type":"object","properties":{"text":{"type":"string"}}},
         "annotations":{"readOnlyHint":true}}"""));
    JsonNode structured = tool(mapper.valueToTree(tools), "structured");
    assertThat(structured.get("outputSchema"))
        .isEqualTo(mapper.readTree("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}"));
    // issue 6: destructiveHint true is MCP's default, so "fail" needs no annotations at all.
    assertThat(tool(mapper.valueToTree(tools), "fail").has("annotations")).isFalse();
    JsonNode boom = tool(mapper.valueToTree(tools), "boom");
    assertThat(boom.has("annotations")).isFalse();
    assertThat(boom.get("inputSchema")).isEqualTo(mapper.readTree("{\"type\":\"object\"}"));
  }

  @Test
  void revision20250326HasAnnotationsButNoTitleOrOutputSchema() {
    JsonNode tools = mapper.valueToTree(allTools(client("2025-03-26")));
    JsonNode echo = tool(tools, "echo");
    assertThat(echo.has("title")).isFalse();
    // Without a top-level title, the annotations keep theirs (issue 6).
    assertThat(echo.get("annotations")).isEqualTo(mapper.createObjectNode()
        .put("title", "Echo the arguments").put("readOnlyHint", true));
    assertThat(tool(tools, "structured").has("outputSchema")).isFalse();
    assertThat(tool(tools, "structured").has("title")).isFalse();
  }

  @Test
  void revision20241105HasNoAnnotationsTitlesOrOutputSchema() {
    JsonNode tools = mapper.valueToTree(allTools(client("2024-11-05")));
    assertThat(tools).hasSize(8);
    for (JsonNode tool : tools) {
      assertThat(tool.has("annotations")).as(tool.toString()).isFalse();
      assertThat(tool.has("title")).as(tool.toString()).isFalse();
      assertThat(tool.has("outputSchema")).as(tool.toString()).isFalse();
      assertThat(tool.get("inputSchema").isObject()).isTrue();
    }
  }

  @Test
  void aSchemaThatIsNotAJsonObjectFailsAtStartNamingTheTool() {
    ServerDefinition broken = ServerDefinition.builder("x").version("1")
        .tool(ToolDefinition.builder("good").http("GET", "/").build())
        .tool(ToolDefinition.builder("bad").inputSchema("{\"type\":").http("GET", "/").build())
        .build();
    assertThatThrownBy(() -> new McpServer(broken, (t, a, c) -> ToolResult.text(""), McpServerOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad'")
        .hasMessageContaining("inputSchema");

    ServerDefinition array = ServerDefinition.builder("x").version("1")
        .tool(ToolDefinition.builder("arr").outputSchema("[]").http("GET", "/").build())
        .build();
    assertThatThrownBy(() -> new McpServer(array, (t, a, c) -> ToolResult.text(""), McpServerOptions.defaults()))
        .hasMessageContaining("'arr'")
        .hasMessageContaining("outputSchema");
  }
}
