package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.schema.SchemaBudget;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenAPI 3.0 schemas as they reach a generated tool's input schema (issue 3, "Real-world specs", item 2). */
class SchemaConversionEndToEndTest {
  @TempDir
  static Path out;

  private static GeneratedServer server;

  @BeforeAll
  static void generate() throws GenerationException {
    server = GeneratedServer.of("schemas30.yaml", out, "schemas");
  }

  @Test
  void nullableBecomesATypeUnion() {
    assertThat(server.property("nullable", "nickname")).isEqualTo("{\"type\":[\"string\",\"null\"]}");
    assertThat(server.property("nullable", "mood"))
        .isEqualTo("{\"type\":[\"string\",\"null\"],\"enum\":[\"happy\",\"sad\",null]}");
    // Without a type, the nullable composition admits null through anyOf; the readOnly id is gone.
    assertThat(server.property("nullable", "owner")).isEqualTo("{\"anyOf\":[{\"allOf\":[{\"type\":\"object\","
        + "\"properties\":{\"name\":{\"type\":\"string\"}}}]},{\"type\":\"null\"}]}");
  }

  @Test
  void booleanExclusiveBoundsBecomeNumbers() {
    assertThat(server.property("bounds", "ratio"))
        .isEqualTo("{\"type\":\"number\",\"exclusiveMinimum\":0,\"exclusiveMaximum\":1}");
    assertThat(server.property("bounds", "count")).isEqualTo("{\"type\":\"integer\",\"minimum\":1}");
  }

  @Test
  void parameterStylesAndExplodeComeFromTheSpecOrItsDefaults() {
    assertThat(server.tool("bounds").http().parameters()).containsExactly(
        ParameterBinding.query("ratio", "ratio", false),
        ParameterBinding.query("count", "count", false),
        ParameterBinding.query("tags", "tags", false).withStyle("pipeDelimited", false),
        ParameterBinding.query("filter", "filter", false).withStyle("deepObject", true),
        ParameterBinding.query("ids", "ids", false).withStyle("form", false),
        ParameterBinding.cookie("session", "session", true));
  }

  @Test
  void exampleBecomesExamplesBesideTheParameterFacts() {
    assertThat(server.property("examples", "color")).isEqualTo("{\"type\":\"string\",\"description\":"
        + "\"The color to use.\",\"default\":\"blue\",\"examples\":[\"red\"],\"deprecated\":true}");
  }

  @Test
  void arraysWithoutItemsGetAnEmptyItemsSchema(@TempDir Path dir) throws GenerationException {
    GeneratedServer arrays = GeneratedServer.of("arrays-without-items.yaml", dir, "arrays");

    assertThat(arrays.property("setTags", "ids")).isEqualTo("{\"type\":\"array\",\"items\":{}}");
    assertThat(arrays.property("setTags", "tags")).isEqualTo("{\"type\":\"array\",\"items\":{}}");
    assertThat(arrays.property("setTags", "matrix"))
        .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":{}}}");
  }

  @Test
  void aRecursiveSchemaLivesInDefs() {
    JsonNode schema = server.schema("putTree");

    assertThat(schema.path("properties").toString()).isEqualTo("{\"label\":{\"type\":\"string\"},"
        + "\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/TreeNode\"}}}");
    assertThat(schema.path("$defs").toString()).isEqualTo("{\"TreeNode\":{\"type\":\"object\",\"properties\":{"
        + "\"label\":{\"type\":\"string\"},\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/TreeNode\"}}},"
        + "\"required\":[\"label\"]}}");
  }

  @Test
  void aRecursive31SchemaWithAnnotatedReference(@TempDir Path dir) throws GenerationException {
    GeneratedServer things = GeneratedServer.of("openapi31.json", dir, "things");

    assertThat(things.property("patchThing", "parent"))
        .isEqualTo("{\"$ref\":\"#/$defs/Thing\",\"description\":\"The new parent\"}");
    assertThat(things.schema("patchThing").path("$defs").path("Thing").path("properties").path("parent")
        .toString()).isEqualTo("{\"$ref\":\"#/$defs/Thing\"}");
  }
  @Test
  void theSchemaBudgetCutsDeepSubtreesOfInputAndOutputSchemasWithAWarningEach(@TempDir Path dir)
      throws GenerationException {
    GeneratedServer deep = GeneratedServer.of(Specs.config("deep.yaml", dir, "deep")
        .withSchemaBudget(new SchemaBudget(3, 64 * 1024)).withOutputSchemaMaxBytes(Integer.MAX_VALUE));

    JsonNode address = deep.schema("createOrg").at("/properties/settings/properties/billing/properties/address");
    assertThat(address.toString()).isEqualTo("{\"type\":\"object\",\"description\":\"Cut by the schema budget "
        + "(deeper than 3 levels): any object value is accepted here. Where invoices go.\"}");
    assertThat(deep.result().warnings()).extracting(Diagnostic::toString).containsExactly(
        Specs.path("deep.yaml") + "#/paths/~1orgs/post (createOrg): input schema of tool createOrg cut at 2 places "
            + "(/properties/settings/properties/billing/properties/address, "
            + "/properties/settings/properties/limits/properties/daily): nested deeper than the depth budget of 3",
        Specs.path("deep.yaml") + "#/paths/~1orgs/post (createOrg): output schema of tool createOrg cut at 2 places "
            + "(/properties/settings/properties/billing/properties/address, "
            + "/properties/settings/properties/limits/properties/daily): nested deeper than the depth budget of 3");
  }

  @Test
  void theCutsOfOneSchemaShareOneWarningThatNamesThem(@TempDir Path dir) throws GenerationException {
    GeneratedServer deep = GeneratedServer.of(Specs.config("deep.yaml", dir, "deep")
        .withSchemaBudget(new SchemaBudget(2, 64 * 1024)));

    assertThat(deep.result().warnings()).extracting(Diagnostic::message).contains("input schema of tool createOrg "
        + "cut at 2 places (/properties/settings/properties/billing, /properties/settings/properties/limits): "
        + "nested deeper than the depth budget of 2");
  }

  @Test
  void theDefaultBudgetLeavesOrdinarySchemasWhole(@TempDir Path dir) throws GenerationException {
    GeneratedServer deep = GeneratedServer.of("deep.yaml", dir, "deep");

    assertThat(deep.result().warnings()).isEmpty();
    assertThat(deep.property("createOrg", "settings")).contains("\"street\"");
  }
}
