package dev.openapi2mcp.examples.catalog.e2e;

import dev.openapi2mcp.examples.e2e.McpConnection;

/** The scenarios over stdio: the SDK client starts {@code java -jar service-catalog-mcp-server.jar --demo} itself. */
class StdioCatalogIT extends CatalogScenarios {

  @Override
  protected McpConnection connect() {
    return McpConnection.stdio(CatalogJar.jar(), "--demo");
  }
}
