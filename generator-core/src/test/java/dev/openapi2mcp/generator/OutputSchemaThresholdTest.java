package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.openapi2mcp.generator.lint.Check;
import dev.openapi2mcp.generator.lint.Finding;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.Content;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, output schemas: a tool keeps its output schema only up to {@code outputSchemaMaxBytes} (compact JSON
 * after the schema budget); beyond it, the tool has none, lint counts it, and the running tool returns the JSON body
 * as text without {@code structuredContent}.
 */
class OutputSchemaThresholdTest {
  private static final String ACCOUNT = "{\"id\":\"a-1\",\"balance\":12.5}";

  @TempDir
  Path dir;

  private GeneratedServer generate(String name, int maxBytes) throws GenerationException {
    return GeneratedServer.of(Specs.config("responses.yaml", dir.resolve(name), "responses")
        .withOutputSchemaMaxBytes(maxBytes));
  }

  private static int bytes(String schema) {
    return schema.getBytes(StandardCharsets.UTF_8).length;
  }

  private static List<Finding> leftOut(GeneratedServer server) {
    return server.result().lint().findings().stream()
        .filter(finding -> finding.check() == Check.OUTPUT_SCHEMA_LEFT_OUT)
        .toList();
  }

  @Test
  void aSchemaOfExactlyTheThresholdIsKeptAndOneByteMoreIsLeftOut() throws Exception {
    GeneratedServer all = generate("all", Integer.MAX_VALUE);
    String account = all.tool("getAccount").outputSchema();
    int size = bytes(account);

    GeneratedServer at = generate("at", size);
    assertThat(at.tool("getAccount").outputSchema()).isEqualTo(account);
    assertThat(leftOut(at)).extracting(Finding::tool).doesNotContain("getAccount");

    GeneratedServer under = generate("under", size - 1);
    assertThat(under.tool("getAccount").outputSchema()).isNull();
    assertThat(leftOut(under)).filteredOn(finding -> finding.tool().equals("getAccount"))
        .extracting(Finding::detail).containsExactly(size + " bytes");
    // Every tool is judged by its own size: those at most size - 1 keep theirs, the others are counted.
    for (ToolDefinition tool : all.definition().tools()) {
      String schema = tool.outputSchema();
      String kept = under.tool(tool.name()).outputSchema();
      if (schema == null || bytes(schema) <= size - 1) {
        assertThat(kept).as(tool.name()).isEqualTo(schema);
      } else {
        assertThat(kept).as(tool.name()).isNull();
        assertThat(leftOut(under)).extracting(Finding::tool).as(tool.name()).contains(tool.name());
      }
    }
    assertThat(under.result().lint().table()).contains(Check.OUTPUT_SCHEMA_LEFT_OUT.label());
  }

  @Test
  void zeroMeansNoOutputSchemasAtAllAsChosenSoLintCountsNone() throws Exception {
    GeneratedServer none = generate("none", 0);
    assertThat(none.definition().tools()).extracting(ToolDefinition::outputSchema).containsOnlyNulls();
    assertThat(leftOut(none)).isEmpty();
  }

  /** Issue 6: by default the listing carries no output schemas, and lint counts none as lost to the limit. */
  @Test
  void theDefaultIsNoOutputSchemas() throws Exception {
    GeneratedServer defaults = GeneratedServer.of(Specs.config("responses.yaml", dir.resolve("d"), "responses"));
    assertThat(Specs.config("responses.yaml", dir, "r").outputSchemaMaxBytes())
        .isEqualTo(GeneratorConfig.DEFAULT_OUTPUT_SCHEMA_MAX_BYTES).isZero();
    assertThat(defaults.definition().tools()).extracting(ToolDefinition::outputSchema).containsOnlyNulls();
    assertThat(leftOut(defaults)).isEmpty();
  }

  @Test
  void aNegativeThresholdIsRejectedNamingTheSetting() {
    assertThatThrownBy(() -> Specs.config("responses.yaml", dir, "r").withOutputSchemaMaxBytes(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outputSchemaMaxBytes");
  }

  @Test
  void aToolLeftWithoutOutputSchemaReturnsTheJsonBodyAsTextOnly() throws Exception {
    HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext("/accounts/", exchange -> {
      byte[] body = ACCOUNT.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    api.start();
    try {
      String base = "http://127.0.0.1:" + api.getAddress().getPort();
      ToolResult kept = call(generate("kept", Integer.MAX_VALUE).definition(), base);
      ToolResult plain = call(generate("plain", 0).definition(), base);

      assertThat(kept.structuredContent()).isEqualTo(new ObjectMapper().readTree(ACCOUNT));
      assertThat(plain.isError()).isFalse();
      assertThat(plain.structuredContent()).isNull();
      assertThat(plain.content()).hasSize(1).first().isInstanceOf(Content.Text.class);
      assertThat(new ObjectMapper().readTree(((Content.Text) plain.content().get(0)).text()))
          .isEqualTo(new ObjectMapper().readTree(ACCOUNT));
    } finally {
      api.stop(0);
    }
  }

  private static ToolResult call(ServerDefinition definition, String base) {
    ToolDefinition tool = definition.tools().stream().filter(t -> t.name().equals("getAccount")).findFirst()
        .orElseThrow();
    try (RestToolExecutor executor = RestToolExecutor.create(definition, base, Map.of())) {
      return executor.execute(tool, new ObjectMapper().createObjectNode().put("id", "a-1"),
          new CallContext("s", "test", "1"));
    }
  }
}
