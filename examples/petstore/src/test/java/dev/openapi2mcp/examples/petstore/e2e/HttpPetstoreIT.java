package dev.openapi2mcp.examples.petstore.e2e;

import dev.openapi2mcp.examples.e2e.McpConnection;

/**
 * The scenarios over Streamable HTTP: starts {@code java -jar petstore-mcp-server.jar --demo --transport http
 * --port 0}, reads the port from the line the server prints on stderr and connects the SDK client to it.
 */
class HttpPetstoreIT extends PetstoreScenarios {

  @Override
  protected McpConnection connect() throws Exception {
    return McpConnection.http(PetstoreJar.jar(), "--demo");
  }
}
