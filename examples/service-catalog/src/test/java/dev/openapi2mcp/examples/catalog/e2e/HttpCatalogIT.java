package dev.openapi2mcp.examples.catalog.e2e;

import dev.openapi2mcp.examples.e2e.McpConnection;

/**
 * The scenarios over Streamable HTTP: starts {@code java -jar service-catalog-mcp-server.jar --demo --transport http
 * --port 0}, reads the port from the line the server prints on stderr and connects the SDK client to it.
 */
class HttpCatalogIT extends CatalogScenarios {

  @Override
  protected McpConnection connect() throws Exception {
    return McpConnection.http(CatalogJar.jar(), "--demo");
  }
}
