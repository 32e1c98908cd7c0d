package dev.openapi2mcp.examples.petstore.e2e;

import dev.openapi2mcp.examples.e2e.McpConnection;

/** The scenarios over stdio: the SDK client starts {@code java -jar petstore-mcp-server.jar --demo} itself. */
class StdioPetstoreIT extends PetstoreScenarios {

  @Override
  protected McpConnection connect() {
    return McpConnection.stdio(PetstoreJar.jar(), "--demo");
  }
}
