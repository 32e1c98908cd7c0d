package dev.openapi2mcp.generator.customize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.ToolFilter;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.GoldenFiles;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.RequestBody;
import dev.openapi2mcp.runtime.tool.ToolAnnotations;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each field of the overrides file, end to end into the generated, compiled and loaded server definition
 * (issue 4, item 2): {@code shop.yaml} with {@code shop-overrides.yaml}.
 */
class OverridesEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path out;

  private static GeneratedServer server;

  static GeneratorConfig config(Path out) {
    return Specs.config("customize/shop.yaml", out, "shop")
        .withEachApi(api -> api.withOverrides(Specs.path("customize/shop-overrides.yaml")));
  }

  @BeforeAll
  static void generate() throws GenerationException {
    server = GeneratedServer.of(config(out.resolve("shop")));
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void nameTitleDescriptionAndAnnotationsReplaceWhatTheSpecGives() {
    ToolDefinition tool = server.tool("get_pet");

    assertThat(tool.title()).isEqualTo("Get a pet");
    assertThat(tool.description()).isEqualTo("Returns one pet by its numeric id.");
    // openWorldHint is overridden; the other hints stay as GET makes them.
    assertThat(tool.annotations()).isEqualTo(new ToolAnnotations("Get a pet", true, false, true, false));
    assertThat(server.toolNames()).doesNotContain("getPetById");
  }

  @Test
  void someHintsOverriddenTheRestDerived() {
    assertThat(server.tool("addPet").annotations())
        .as("issue 6: a title from the summary, which the description begins with, is left out")
        .isEqualTo(new ToolAnnotations(null, false, false, true, true));
  }

  @Test
  void aParameterDescriptionLandsInTheInputSchema() {
    assertThat(server.schema("get_pet").at("/properties/petId/description").asText())
        .isEqualTo("The pet's numeric id, as returned by listPets.");
  }

  @Test
  void aFixedValueLeavesTheSchemaAndItsRequiredListButStaysBound() throws Exception {
    ToolDefinition tool = server.tool("listPets");
    JsonNode schema = server.schema("listPets");

    assertThat(schema.path("properties").has("orgId")).isFalse();
    assertThat(schema.has("required")).as("orgId was the only required argument").isFalse();
    assertThat(tool.http().parameters()).contains(ParameterBinding.query("orgId", "orgId", true));
    assertThat(tool.fixedArguments()).isEqualTo(Map.of("orgId", "\"acme\""));
  }

  @Test
  void aDefaultStaysInTheSchemaAndIsSentWhenLeftOut() throws Exception {
    ToolDefinition tool = server.tool("listPets");

    assertThat(server.property("listPets", "limit")).isEqualTo("{\"type\":\"integer\",\"default\":20}");
    assertThat(json(server.property("listPets", "status")))
        .isEqualTo(json("{\"type\":\"string\",\"enum\":[\"available\",\"pending\",\"sold\"],\"default\":\"available\"}"));
    assertThat(tool.defaultArguments()).containsExactly(Map.entry("limit", "20"), Map.entry("status", "\"available\""));
  }

  @Test
  void aHiddenArgumentIsNeitherInTheSchemaNorBound() {
    ToolDefinition tool = server.tool("listPets");

    assertThat(server.schema("listPets").path("properties").has("debug")).isFalse();
    assertThat(tool.http().parameters()).extracting(ParameterBinding::argument).containsExactly("limit", "orgId",
        "status");
  }

  @Test
  void bodyPropertiesAreArgumentsLikeParameters() throws Exception {
    ToolDefinition tool = server.tool("addPet");
    JsonNode schema = server.schema("addPet");

    assertThat(schema.path("properties").has("channel")).isFalse();
    assertThat(tool.http().body()).isEqualTo(RequestBody.flattened("application/json", true,
        "name", "name", "status", "status", "channel", "channel"));
    assertThat(tool.fixedArguments()).isEqualTo(Map.of("channel", "\"mcp\""));
    assertThat(schema.at("/properties/status/description").asText()).isEqualTo("Where the pet stands.");
    assertThat(schema.at("/properties/status/default").asText()).isEqualTo("available");
    assertThat(schema.path("required")).isEqualTo(json("[\"name\"]"));
  }

  @Test
  void aWholeBodyArgumentCanBeDescribed() {
    assertThat(server.schema("placeOrder").at("/properties/body/description").asText())
        .isEqualTo("The order as text.");
  }

  @Test
  void enabledFalseRemovesTheTool() {
    assertThat(server.toolNames()).containsExactly("listPets", "addPet", "get_pet", "getPhoto", "placeOrder",
        "getOrder", "orderExists", "orderOptions", "updateUser", "patchUser", "get_health");
  }

  @Test
  void outputStaysByteIdenticalAcrossRuns() throws Exception {
    Path first = out.resolve("shop");
    Path second = out.resolve("again");
    Generator.run(config(second));

    List<Path> files = GoldenFiles.files(first);
    assertThat(files).isNotEmpty().isEqualTo(GoldenFiles.files(second));
    for (Path file : files) {
      assertThat(Files.readAllBytes(second.resolve(file))).as("%s", file)
          .isEqualTo(Files.readAllBytes(first.resolve(file)));
    }
  }

  @Test
  void enabledTrueDoesNotBringBackAnOperationTheFilterDrops() throws GenerationException {
    // The overrides name updateUser (enabled: true) and deletePet although the filter drops both: no error either.
    GeneratedServer filtered = GeneratedServer.of(config(out.resolve("filtered")).withEachApi(api -> api.withFilter(
        new ToolFilter(Set.of("user"), Set.of(), Set.of(), Set.of("updateUser"), List.of(), List.of(), Set.of(),
            false))));

    assertThat(filtered.toolNames()).containsExactly("patchUser");
    assertThat(filtered.result().warnings()).isEmpty();
  }
}
