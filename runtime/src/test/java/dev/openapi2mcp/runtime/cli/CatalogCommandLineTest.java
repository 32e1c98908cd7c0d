package dev.openapi2mcp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.runtime.tool.ApiDefinition;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 4: {@code --base-url NAME=URL} for the APIs of a service catalog, and its mistakes. */
class CatalogCommandLineTest {
  private static final ServerDefinition CATALOG = ServerDefinition.builder("catalog")
      .api(ApiDefinition.builder("inventory").baseUrl("http://inventory.example/v1").build(),
          ApiDefinition.builder("orders").build())
      .tool(ToolDefinition.builder("inventory_list").http("GET", "/items").api("inventory").build())
      .tool(ToolDefinition.builder("orders_list").http("GET", "/orders").api("orders").build())
      .build();
  private static final ServerDefinition PLAIN = ServerDefinition.builder("plain").baseUrl("http://plain.example")
      .tool(ToolDefinition.builder("list").http("GET", "/x").build()).build();

  @Test
  void namedBaseUrlsAreCollectedPerApi() throws UsageException {
    CommandLine options = CommandLine.parse("--base-url", "orders=http://127.0.0.1:9001/o",
        "--base-url=inventory=http://127.0.0.1:9000/i", "--base-url", "orders=http://127.0.0.1:9002/o");

    assertThat(options.apiBaseUrls()).containsExactly(
        Map.entry("inventory", "http://127.0.0.1:9000/i"), Map.entry("orders", "http://127.0.0.1:9002/o"));
    assertThat(options.baseUrl()).isNull();
  }

  @Test
  void aUrlWithAnEqualsSignStaysAPlainBaseUrl() throws UsageException {
    CommandLine options = CommandLine.parse("--base-url", "http://h.example/api?version=2");

    assertThat(options.baseUrl()).isEqualTo("http://h.example/api?version=2");
    assertThat(options.apiBaseUrls()).isEmpty();
  }

  @Test
  void aNamedBaseUrlMustBeAnHttpUrl() {
    assertThatThrownBy(() -> CommandLine.parse("--base-url", "orders=ftp://h/x"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--base-url orders=URL must give an absolute http or https URL, was 'ftp://h/x'");
  }

  @Test
  void anUnknownApiIsAUsageErrorWithTheClosestName() throws UsageException {
    CommandLine options = CommandLine.parse("--base-url", "order=http://127.0.0.1:1/");

    assertThatThrownBy(() -> BaseUrls.checkCatalog(CATALOG, options))
        .hasMessage("--base-url order=URL: server 'catalog' has no API 'order' (did you mean 'orders'?)");
  }

  @Test
  void anApiWithoutAnyBaseUrlMustBeGivenOne() throws UsageException {
    assertThatThrownBy(() -> BaseUrls.checkCatalog(CATALOG, CommandLine.parse()))
        .hasMessageContaining("no base URL for API 'orders'").hasMessageContaining("--base-url orders=URL");
    BaseUrls.checkCatalog(CATALOG, CommandLine.parse("--base-url", "orders=http://127.0.0.1:1/"));
  }

  @Test
  void aPlainBaseUrlIsRefusedForACatalog() throws UsageException {
    CommandLine options = CommandLine.parse("--base-url", "http://127.0.0.1:1/");

    assertThatThrownBy(() -> BaseUrls.checkCatalog(CATALOG, options))
        .hasMessageContaining("catalog of APIs (inventory, orders)").hasMessageContaining("--base-url NAME=URL");
  }

  @Test
  void aPlainServerKeepsItsPlainOptionAndRefusesNamedOnes() throws UsageException {
    assertThat(BaseUrls.plain(PLAIN, CommandLine.parse("--base-url", "http://other.example/")))
        .isEqualTo("http://other.example/");
    assertThat(BaseUrls.plain(PLAIN, CommandLine.parse())).isEqualTo("http://plain.example");
    assertThatThrownBy(() -> BaseUrls.plain(PLAIN, CommandLine.parse("--base-url", "inventory=http://x.example/")))
        .hasMessageContaining("server 'plain' serves one API without a name; pass --base-url URL");
  }

  @Test
  void helpListsEveryApisDefaultBaseUrl() {
    String help = Usage.text(CATALOG, List.of(), List.of("CATALOG_INVENTORY_KEY: …"));

    assertThat(help).contains("--base-url API=URL")
        .contains("inventory: http://inventory.example/v1")
        .contains("orders: none; required")
        .contains("Credentials for the APIs are read");
  }
}
