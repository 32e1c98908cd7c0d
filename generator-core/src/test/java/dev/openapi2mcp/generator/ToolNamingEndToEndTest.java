package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.RequestBody;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names in generated servers: tools, arguments, and how parameters merge (issue 3, "Real-world specs", item 5). */
class ToolNamingEndToEndTest {
  @TempDir
  static Path out;

  private static GeneratedServer naming;

  @BeforeAll
  static void generate() throws GenerationException {
    naming = GeneratedServer.of("naming.yaml", out.resolve("naming"), "naming");
  }

  @Test
  void anOperationWithoutOperationIdIsNamedAfterMethodAndPath() throws GenerationException {
    GeneratedServer server = GeneratedServer.of("no-operation-id.yaml", out.resolve("no-id"), "noid");

    assertThat(server.toolNames()).containsExactly("get_pet_petId", "delete_pet_petId");
  }

  @Test
  void namesLongerThan64AreAbbreviatedAndKeepTheWordsThatTellThemApart() {
    assertThat(naming.toolNames().subList(2, 4)).containsExactly(
        "listAllTheReposThatTheAuthenticatedUserCanAccessIncludingForks",
        "listAllTheReposThatTheAuthUserCanAccessIncludingArchived");
  }

  @Test
  void duplicateNamesGetNumbers() {
    assertThat(naming.toolNames()).containsSubsequence("duplicate", "duplicate_2")
        .containsSubsequence("list_pets", "list_pets_2");
    // A repeated operationId is invalid OpenAPI, but repaired: it stays visible as a warning.
    assertThat(naming.result().warnings()).extracting(Diagnostic::message)
        .contains("attribute paths.'/d'(get).operationId is repeated");
  }

  @Test
  void aBodyPropertyCollidingWithAParameterGetsADistinctArgument() {
    assertThat(naming.tool("addToy").http().body()).isEqualTo(RequestBody.flattened("application/json", true,
        "body_name", "name", "body_petId", "petId", "color", "color"));
    assertThat(naming.tool("addToy").http().parameters()).contains(
        ParameterBinding.query("name", "name", false), ParameterBinding.path("petId", "petId"));
    assertThat(naming.schema("addToy").path("required").toString()).isEqualTo("[\"petId\",\"body_name\"]");
  }

  @Test
  void pathLevelParametersMergeAndTheOperationWins() {
    assertThat(naming.tool("get_pets_petId_toys").http().parameters()).containsExactly(
        ParameterBinding.path("petId", "petId"), ParameterBinding.query("limit", "limit", false));
    assertThat(naming.property("get_pets_petId_toys", "limit"))
        .isEqualTo("{\"type\":\"integer\",\"description\":\"operation level limit\",\"maximum\":50}");
    // The other operation of the path keeps the path-level definition.
    assertThat(naming.property("addToy", "limit"))
        .isEqualTo("{\"type\":\"integer\",\"description\":\"path level limit\"}");
  }

  @Test
  void aShorterConfiguredLimitApplies() throws GenerationException {
    GeneratedServer server = GeneratedServer.of(new GeneratorConfig(Specs.path("naming.yaml").toString(),
        out.resolve("short"), Specs.PACKAGE, "naming", null, 20));

    assertThat(server.toolNames()).doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(name).matches("[A-Za-z0-9_.-]{1,20}"));
  }
}
