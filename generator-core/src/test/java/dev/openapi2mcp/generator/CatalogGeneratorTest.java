package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.GoldenFiles;
import dev.openapi2mcp.generator.testing.SchemaChecks;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.runtime.tool.ApiDefinition;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4: one server from several specs, each under its own namespace. */
class CatalogGeneratorTest {
  @TempDir
  static Path out;

  private static GeneratedServer catalog;

  private static ApiSource api(String file, String namespace) {
    return ApiSource.of(Specs.path("catalog/" + file).toString()).withNamespace(namespace);
  }

  private static GeneratorConfig config(Path dir, ApiSource... apis) {
    return new GeneratorConfig(Specs.path("catalog/inventory.yaml").toString(), dir, Specs.PACKAGE, "catalog")
        .withApis(List.of(apis)).withOutputSchemaMaxBytes(Integer.MAX_VALUE);
  }

  @BeforeAll
  static void generate() throws GenerationException {
    // GeneratedServer compiles the sources with -Xlint:all -Werror.
    catalog = GeneratedServer.of(config(out.resolve("catalog"), api("inventory.yaml", "inventory"),
        api("orders.yaml", "orders")));
  }

  @Test
  void toolNamesCarryTheirNamespaceAndStayWithinTheLimit() {
    assertThat(catalog.toolNames()).containsExactly(
        "inventory_listItems", "inventory_createItem", "inventory_getItem",
        "orders_createItem",
        "orders_getOrderWithAllItsLinesAndTheirStockLevelsInEveryWarehOf");
    assertThat(catalog.toolNames()).allMatch(name -> name.length() <= 64);
    assertThat(catalog.result().toolCount()).isEqualTo(5);
  }

  @Test
  void eachApiKeepsItsBaseUrlAndSchemesAndEachToolNamesItsApi() {
    ServerDefinition definition = catalog.definition();

    assertThat(definition.apis()).extracting(ApiDefinition::name).containsExactly("inventory", "orders");
    ApiDefinition inventory = definition.api("inventory").orElseThrow();
    ApiDefinition orders = definition.api("orders").orElseThrow();
    assertThat(inventory.baseUrl()).isEqualTo("https://inventory.example.com/v2");
    assertThat(inventory.title()).isEqualTo("Inventory");
    assertThat(inventory.securitySchemes()).extracting(SecurityScheme::type)
        .containsExactly(SecurityScheme.Type.API_KEY);
    assertThat(orders.baseUrl()).isEqualTo("https://orders.example.com");
    assertThat(orders.securitySchemes()).extracting(SecurityScheme::type)
        .containsExactly(SecurityScheme.Type.HTTP_BEARER);
    assertThat(catalog.tool("inventory_getItem").api()).isEqualTo("inventory");
    assertThat(catalog.tool("orders_createItem").api()).isEqualTo("orders");
    assertThat(definition.baseUrl()).isNull();
    assertThat(definition.securitySchemes()).isEmpty();
  }

  @Test
  void componentSchemasOfDifferentSpecsNeverMix() {
    JsonNode inventoryItem = catalog.schema("inventory_createItem");
    JsonNode ordersItem = catalog.schema("orders_createItem");

    assertThat(inventoryItem.path("properties").has("sku")).isTrue();
    assertThat(inventoryItem.path("properties").has("quantity")).isFalse();
    assertThat(ordersItem.path("properties").has("quantity")).isTrue();
    assertThat(ordersItem.path("properties").has("sku")).isFalse();
    SchemaChecks.assertValidOutputSchema(catalog.tool("inventory_getItem").outputSchema());
  }

  @Test
  void theOutputIsByteIdenticalAcrossRuns() throws Exception {
    Path again = out.resolve("again");
    Generator.run(config(again, api("inventory.yaml", "inventory"), api("orders.yaml", "orders")));

    List<Path> first = GoldenFiles.files(out.resolve("catalog"));
    assertThat(GoldenFiles.files(again)).isEqualTo(first);
    for (Path file : first) {
      assertThat(Files.readAllBytes(again.resolve(file))).as(file.toString())
          .isEqualTo(Files.readAllBytes(out.resolve("catalog").resolve(file)));
    }
  }

  @Test
  void severalApisNeedANamespaceEach() {
    GenerationException failure = failure(config(out.resolve("no-ns"), api("inventory.yaml", "inventory"),
        api("orders.yaml", null)));

    assertThat(failure.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.message()).isEqualTo("a catalog of 2 APIs needs a namespace for each; the API of this spec has "
          + "none");
      assertThat(d.file()).endsWith("orders.yaml");
    });
  }

  @Test
  void namespacesMustBeWellFormedShortAndUnique() {
    GenerationException failure = failure(config(out.resolve("bad-ns"), api("inventory.yaml", "Inventory"),
        api("orders.yaml", "orders"), api("inventory.yaml", "orders"),
        api("orders.yaml", "a_namespace_far_too_long_for_names")));

    assertThat(failure.diagnostics()).extracting(Diagnostic::message).containsExactly(
        "namespace 'Inventory' must match [a-z][a-z0-9_-]* (lower-case letter first, then lower-case letters, "
            + "digits, '_' or '-')",
        "namespace 'orders' is already used by the API of " + Specs.path("catalog/orders.yaml")
            + "; each API needs its own",
        "namespace 'a_namespace_far_too_long_for_names' is longer than 31 characters, which would leave too little "
            + "of each tool name to the operation");
    assertThat(failure.diagnostics().get(1).file()).endsWith("inventory.yaml");
  }

  @Test
  void everySpecsErrorsAreReportedAtOnceEachNamingItsFile() {
    GenerationException failure = failure(config(out.resolve("broken"), api("broken.yaml", "broken"),
        api("inventory.yaml", "inventory"), api("broken.yaml", "again")));

    List<Diagnostic> errors = failure.diagnostics().stream()
        .filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    assertThat(errors).isNotEmpty();
    assertThat(errors).allSatisfy(d -> assertThat(d.file()).endsWith("broken.yaml"));
    assertThat(failure.getMessage()).contains("catalog");
    assertThat(out.resolve("broken")).doesNotExist();
  }

  @Test
  void aSingleApiWithANamespaceIsACatalogOfOne() throws GenerationException, IOException {
    GeneratedServer one = GeneratedServer.of(config(out.resolve("one"), api("orders.yaml", "orders")));

    assertThat(one.toolNames()).first().isEqualTo("orders_createItem");
    assertThat(one.definition().apis()).extracting(ApiDefinition::name).containsExactly("orders");
  }

  private static GenerationException failure(GeneratorConfig config) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> Generator.run(config));
    assertThat(thrown).isInstanceOf(GenerationException.class);
    return (GenerationException) thrown;
  }
}
