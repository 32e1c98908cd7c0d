package dev.openapi2mcp.runtime.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 4: what a service catalog's definition must hold together, checked when it is built. */
class CatalogDefinitionTest {
  private static final ApiDefinition INVENTORY = ApiDefinition.builder("inventory").baseUrl("http://i.example/v1")
      .securityScheme(SecurityScheme.apiKey("api_key", ParameterLocation.HEADER, "X-Api-Key")).build();

  private static ToolDefinition.Builder tool(String name) {
    return ToolDefinition.builder(name).http("GET", "/items");
  }

  @Test
  void aValidCatalogKeepsItsApisAndTools() {
    ServerDefinition definition = ServerDefinition.builder("catalog").api(INVENTORY)
        .tool(tool("inventory_list").api("inventory").security("api_key").build()).build();

    assertThat(definition.catalog()).isTrue();
    assertThat(definition.api("inventory")).contains(INVENTORY);
    assertThat(definition.tools().get(0).api()).isEqualTo("inventory");
  }

  @Test
  void aToolMustNameAnApiTheServerDeclares() {
    assertThatThrownBy(() -> ServerDefinition.builder("catalog").api(INVENTORY)
        .tool(tool("x").api("inventroy").build()).build())
        .hasMessageContaining("tool 'x' names API 'inventroy'")
        .hasMessageContaining("did you mean 'inventory'");
  }

  @Test
  void schemesResolveWithinTheToolsApi() {
    assertThatThrownBy(() -> ServerDefinition.builder("catalog").api(INVENTORY)
        .tool(tool("x").api("inventory").security("bearer").build()).build())
        .hasMessageContaining("security scheme 'bearer', which API 'inventory' does not declare");
  }

  @Test
  void inACatalogEveryHttpToolNamesItsApi() {
    assertThatThrownBy(() -> ServerDefinition.builder("catalog").api(INVENTORY).tool(tool("x").build()).build())
        .hasMessageContaining("tool 'x'").hasMessageContaining("must name its API");
  }

  @Test
  void apiNamesAreUniqueAndWellFormed() {
    assertThatThrownBy(() -> ServerDefinition.builder("catalog").api(INVENTORY, INVENTORY).build())
        .hasMessageContaining("duplicate API name: inventory");
    assertThatThrownBy(() -> ApiDefinition.builder("Inventory").build())
        .hasMessageContaining("API name 'Inventory' must match [a-z][a-z0-9_-]*");
  }

  @Test
  void aToolHasEitherAnHttpBindingOrAHandler() {
    assertThatThrownBy(() -> ToolDefinition.builder("x").build()).hasMessageContaining("tool 'x' needs");
    assertThatThrownBy(() -> tool("x").handler((a, c) -> ToolResult.text("")).build())
        .hasMessageContaining("not both");
  }

  @Test
  void withHookAndWithToolsReturnChangedCopies() {
    ServerDefinition plain = ServerDefinition.builder("s").tool(tool("a").build()).build();
    ToolHook hook = new ToolHook() {};

    ServerDefinition hooked = plain.withHook("a", hook)
        .withTools(ToolDefinition.builder("b").handler((a, c) -> ToolResult.text("b")).build());

    assertThat(plain.hooks()).isEmpty();
    assertThat(plain.tools()).hasSize(1);
    assertThat(hooked.hooks()).containsEntry("a", hook);
    assertThat(hooked.tools()).extracting(ToolDefinition::name).containsExactly("a", "b");
    assertThatThrownBy(() -> hooked.withTools(tool("a").build())).hasMessageContaining("duplicate tool name: a");
  }
}
