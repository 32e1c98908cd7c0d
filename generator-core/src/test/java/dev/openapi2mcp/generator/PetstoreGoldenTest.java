package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import dev.openapi2mcp.generator.testing.CompiledServer;
import dev.openapi2mcp.generator.testing.GoldenFiles;
import dev.openapi2mcp.generator.testing.SchemaChecks;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.RequestBody;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolAnnotations;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** The Petstore example end to end: golden sources, strict compilation, and the loaded server definition. */
class PetstoreGoldenTest {
  private static final String PACKAGE = "com.example.petstore";

  @TempDir
  static Path out;

  private static GenerationResult result;
  private static ServerDefinition definition;

  @BeforeAll
  static void generate() throws GenerationException {
    Path spec = Specs.path("petstore.json");
    result = Generator.run(new GeneratorConfig(spec.toString(), out, PACKAGE, "petstore"));
    Compilation compilation = CompiledServer.compile(out);
    definition = CompiledServer.definition(compilation, PACKAGE + ".PetstoreServer");
  }

  private static Map<String, ToolDefinition> toolsByName() {
    return definition.tools().stream().collect(Collectors.toMap(ToolDefinition::name, Function.identity()));
  }

  @Test
  void sourcesMatchTheGoldenFiles() {
    GoldenFiles.assertMatches("petstore", out);
  }

  @Test
  void reportsWhatItWrote() {
    assertThat(result.toolCount()).isEqualTo(20);
    assertThat(result.written()).containsExactly(
        Path.of("com/example/petstore/PetstoreServer.java"), Path.of("com/example/petstore/PetstoreTools.java"));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void definesTheServer() {
    assertThat(definition.name()).isEqualTo("petstore");
    assertThat(definition.version()).isEqualTo("1.0.0");
    assertThat(definition.title()).isEqualTo("Swagger Petstore");
    assertThat(definition.baseUrl()).isEqualTo("http://petstore.swagger.io/v2");
    assertThat(definition.securitySchemes()).containsExactly(
        SecurityScheme.apiKey("api_key", ParameterLocation.HEADER, "api_key"),
        SecurityScheme.oauth2("petstore_auth"));
  }

  @Test
  void hasTwentyToolsWithValidUniqueNamesInSpecOrder() {
    List<String> names = definition.tools().stream().map(ToolDefinition::name).toList();
    assertThat(names).hasSize(20).doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(name).matches("[A-Za-z0-9_.-]{1,64}"));
    assertThat(names).startsWith("addPet", "updatePet", "findPetsByStatus").endsWith("deleteUser");
  }

  @Test
  void everyInputSchemaIsA2020_12ObjectSchema() {
    for (ToolDefinition tool : definition.tools()) {
      JsonNode schema = SchemaChecks.assertValidInputSchema(tool.inputSchema());
      // Every argument is bound somewhere: a parameter or the body.
      List<String> bound = new ArrayList<>();
      tool.http().parameters().forEach(p -> bound.add(p.argument()));
      if (tool.http().body() != null) {
        bound.addAll(tool.http().body().arguments());
      }
      List<String> properties = new ArrayList<>();
      schema.path("properties").fieldNames().forEachRemaining(properties::add);
      assertThat(bound).as(tool.name()).containsExactlyInAnyOrderElementsOf(properties);
    }
  }

  @Test
  void getPetByIdIsAReadOnlyToolWithAPathParameterAndApiKeySecurity() {
    ToolDefinition tool = toolsByName().get("getPetById");
    // issue 6: no title where the description begins with the summary, no error lines, no output schema.
    assertThat(tool.title()).isNull();
    // issue 4: the default description says what the call returns.
    assertThat(tool.description()).isEqualTo("Find pet by ID\n\nReturns a single pet\n\n"
        + "Returns: Pet (id, category, name, photoUrls, tags, status).");
    assertThat(tool.outputSchema()).isNull();
    assertThat(tool.annotations()).isEqualTo(new ToolAnnotations(null, true, false, true, true));
    assertThat(tool.http().method()).isEqualTo("GET");
    assertThat(tool.http().pathTemplate()).isEqualTo("/pet/{petId}");
    assertThat(tool.http().parameters()).containsExactly(ParameterBinding.path("petId", "petId"));
    assertThat(tool.http().security()).containsExactly(List.of("api_key"));
    JsonNode petId = SchemaChecks.parse(tool.inputSchema()).path("properties").path("petId");
    assertThat(petId.path("type").asText()).isEqualTo("integer");
    assertThat(petId.path("description").asText()).isEqualTo("ID of pet to return");
  }

  @Test
  void addPetFlattensThePetBodyAndRequiresItsRequiredProperties() {
    ToolDefinition tool = toolsByName().get("addPet");
    assertThat(tool.http().body()).isEqualTo(RequestBody.flattened("application/json", true,
        "category", "category", "name", "name", "photoUrls", "photoUrls", "tags", "tags", "status", "status"));
    JsonNode schema = SchemaChecks.parse(tool.inputSchema());
    assertThat(schema.path("required").toString()).isEqualTo("[\"name\",\"photoUrls\"]");
    assertThat(tool.annotations()).isEqualTo(new ToolAnnotations(null, false, false, false, true));
    // The readOnly pet id is not something a caller sends.
    assertThat(schema.path("properties").has("id")).isFalse();
  }

  @Test
  void anArrayBodyIsOneArgument() {
    ToolDefinition tool = toolsByName().get("createUsersWithArrayInput");
    assertThat(tool.http().body()).isEqualTo(RequestBody.whole("application/json", true, "body"));
    JsonNode body = SchemaChecks.parse(tool.inputSchema()).path("properties").path("body");
    assertThat(body.path("type").asText()).isEqualTo("array");
    assertThat(body.path("items").path("properties").has("username")).isTrue();
  }

  @Test
  void theDeprecatedOperationSaysSo() {
    assertThat(toolsByName().get("findPetsByTags").description())
        .endsWith("\n\nDeprecated: this operation may be removed from the API.");
  }

  @Test
  void formBodiesAreFlattenedToo() {
    ToolDefinition tool = toolsByName().get("updatePetWithForm");
    assertThat(tool.http().body()).isEqualTo(RequestBody.flattened("application/x-www-form-urlencoded", false,
        "name", "name", "status", "status"));
    assertThat(tool.http().parameters()).containsExactly(ParameterBinding.path("petId", "petId"));
  }
}
