package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.generator.testing.SchemaChecks;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 ("Real-world specs", responses), generator side: which response becomes a tool's outputSchema, and
 * that only objects do (MCP's structuredContent is a JSON object).
 */
class OutputSchemaTest {
  @TempDir
  static Path out;

  private static GeneratedServer server;

  @BeforeAll
  static void generate() throws GenerationException {
    // Output schemas are off by default (issue 6); these tests are about what they say when on.
    server = GeneratedServer.of(Specs.config("responses.yaml", out, "responses")
        .withOutputSchemaMaxBytes(Integer.MAX_VALUE));
  }

  private static JsonNode output(String tool) {
    String schema = server.tool(tool).outputSchema();
    assertThat(schema).as("outputSchema of %s", tool).isNotNull();
    return SchemaChecks.assertValidOutputSchema(schema);
  }

  @Test
  void theLowestSuccessStatusWithJsonIsTheOutputSchemaInTheOutputDirection() {
    assertThat(output("getAccount").toString()).isEqualTo("{\"type\":\"object\",\"properties\":{"
        + "\"id\":{\"type\":\"string\",\"readOnly\":true},\"balance\":{\"type\":\"number\"}},\"required\":[\"id\"]}");
  }

  @Test
  void anArrayResponseHasNoOutputSchema() {
    assertThat(server.tool("listAccounts").outputSchema()).isNull();
  }

  @Test
  void aRangedSuccessStatusCounts() {
    assertThat(output("ranged").path("properties").has("ok")).isTrue();
  }

  @Test
  void defaultCountsWhenThereIsNoSuccessStatus() {
    assertThat(output("onlyDefault").path("properties").has("message")).isTrue();
  }

  @Test
  void defaultDoesNotCountBesideASuccessStatusWithoutContent() {
    assertThat(server.tool("noContent").outputSchema()).isNull();
  }

  @Test
  void aNullableObjectHasNoOutputSchema() {
    assertThat(server.tool("nullableObject").outputSchema()).isNull();
  }

  @Test
  void anImplicitObjectGetsTypeObjectAtTheRoot() {
    JsonNode schema = output("mergedObject");

    assertThat(schema.path("type").asText()).isEqualTo("object");
    assertThat(schema.path("allOf")).hasSize(2);
  }

  @Test
  void aSuccessStatusWithoutJsonIsSkippedForTheNextOne() {
    assertThat(output("textThenJson").path("properties").has("queued")).isTrue();
  }

  @Test
  void aRecursiveResponseKeepsItsDefs() {
    JsonNode schema = output("getTree");

    assertThat(schema.path("$ref").asText()).isEqualTo("#/$defs/Node");
    assertThat(schema.path("$defs").path("Node").path("properties").has("children")).isTrue();
  }

  @Test
  void outputSchemasAreNotClosed() {
    assertThat(output("getAccount").has("additionalProperties")).isFalse();
  }
  @Test
  void oneOfBecomesAnyOfSoThatResponsesMatchingSeveralBranchesAreNotRejected() {
    JsonNode schema = output("either");

    assertThat(schema.at("/properties/owner").has("oneOf")).isFalse();
    assertThat(schema.at("/properties/owner/anyOf")).hasSize(2);
    // Data is not schema: an example's "oneOf" key stays.
    assertThat(schema.path("examples").toString()).isEqualTo("[{\"oneOf\":\"data, not a keyword\"}]");
  }
}
