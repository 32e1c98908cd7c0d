package dev.openapi2mcp.generator.customize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.RequestBody;
import dev.openapi2mcp.runtime.tool.ToolAnnotations;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec's {@code x-mcp-*} extensions (issue 4, item 3), and the precedence overrides file &gt; extensions &gt;
 * spec, pinned where all three disagree.
 */
class ExtensionsEndToEndTest {
  @TempDir
  static Path out;

  private static GeneratedServer extensions;
  private static GeneratedServer overridden;

  @BeforeAll
  static void generate() throws GenerationException {
    extensions = GeneratedServer.of("customize/extensions.yaml", out.resolve("ext"), "ext");
    overridden = GeneratedServer.of(Specs.config("customize/extensions.yaml", out.resolve("over"), "ext")
        .withEachApi(api -> api.withOverrides(Specs.path("customize/precedence-overrides.yaml"))));
  }

  @Test
  void operationExtensionsNameTitleDescribeAndHint() {
    ToolDefinition tool = extensions.tool("fetch_pet");

    assertThat(tool.title()).isEqualTo("Fetch a pet");
    assertThat(tool.description()).isEqualTo("Fetches one pet; the id comes from listPets.");
    assertThat(tool.annotations()).isEqualTo(new ToolAnnotations("Fetch a pet", true, false, true, false));
    assertThat(extensions.tool("addPet").annotations())
        .as("issue 6: a title from the summary, which the description begins with, is left out")
        .isEqualTo(new ToolAnnotations(null, false, false, true, true));
  }

  @Test
  void excludeLeavesOperationsOut() {
    assertThat(extensions.toolNames()).containsExactly("fetch_pet", "addPet");
  }

  @Test
  void parameterExtensionsDescribeFixDefaultAndHide() {
    ToolDefinition tool = extensions.tool("fetch_pet");
    JsonNode schema = extensions.schema("fetch_pet");

    assertThat(schema.at("/properties/petId/description").asText()).isEqualTo("The pet's numeric id.");
    assertThat(schema.path("properties").has("tenant")).isFalse();
    assertThat(schema.path("properties").has("trace")).isFalse();
    assertThat(extensions.property("fetch_pet", "limit")).isEqualTo("{\"type\":\"integer\",\"default\":20}");
    assertThat(tool.fixedArguments()).isEqualTo(Map.of("tenant", "\"acme\""));
    assertThat(tool.defaultArguments()).isEqualTo(Map.of("limit", "20"));
    assertThat(tool.http().parameters()).extracting(ParameterBinding::argument)
        .containsExactly("petId", "tenant", "limit");
  }

  @Test
  void bodyPropertyExtensionsWorkLikeParameterOnes() {
    ToolDefinition tool = extensions.tool("addPet");
    JsonNode schema = extensions.schema("addPet");

    assertThat(schema.at("/properties/name/description").asText()).isEqualTo("What the pet is called.");
    assertThat(schema.path("properties").has("source")).isFalse();
    assertThat(schema.path("properties").has("internal")).isFalse();
    assertThat(tool.http().body()).isEqualTo(RequestBody.flattened("application/json", true,
        "name", "name", "source", "source"));
    assertThat(tool.fixedArguments()).isEqualTo(Map.of("source", "\"mcp\""));
  }

  @Test
  void extensionsDoNotLeakIntoTheInputSchema() {
    assertThat(extensions.tool("fetch_pet").inputSchema()).doesNotContain("x-mcp");
    assertThat(extensions.tool("addPet").inputSchema()).doesNotContain("x-mcp");
  }

  @Test
  void theOverridesFileWinsOverExtensionsWhichWinOverTheSpec() {
    ToolDefinition tool = overridden.tool("get_pet");
    JsonNode schema = overridden.schema("get_pet");

    // spec: getPetById / "Find a pet by id" / "Returns a single pet." / 5; extensions: fetch_pet / "Fetch a pet" / …
    assertThat(overridden.toolNames()).doesNotContain("getPetById", "fetch_pet");
    assertThat(tool.title()).isEqualTo("Get a pet");
    assertThat(tool.description()).isEqualTo("Returns the pet.");
    assertThat(schema.at("/properties/petId/description").asText()).isEqualTo("Which pet.");
    assertThat(schema.at("/properties/limit/default").asInt()).isEqualTo(50);
    assertThat(tool.defaultArguments()).isEqualTo(Map.of("limit", "50"));
    assertThat(tool.fixedArguments()).isEqualTo(Map.of("tenant", "\"globex\""));
    // readOnlyHint: overrides (false) > method (true); openWorldHint: overrides (true) > extension (false).
    assertThat(tool.annotations()).isEqualTo(new ToolAnnotations("Get a pet", false, false, true, true));
  }

  @Test
  void fieldsTheOverridesFileLeavesAloneKeepTheirExtensions() {
    JsonNode schema = overridden.schema("get_pet");

    assertThat(schema.path("properties").has("trace")).as("x-mcp-hidden still applies").isFalse();
  }

  @Test
  void enabledTrueBringsBackAnOperationItsExtensionExcludes() {
    assertThat(overridden.toolNames()).containsExactly("get_pet", "addPet", "legacyReport");
  }
}
