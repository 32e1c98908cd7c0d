package dev.openapi2mcp.examples.e2e;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of an example's transport-independent scenarios: an example's scenarios class extends it with its tests,
 * and one subclass per transport says how to {@link #connect()}. All tests of a class share one server and client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class McpScenarios {

  private McpConnection connection;

  /** Starts the server under test and returns an initialized client connected to it. */
  protected abstract McpConnection connect() throws Exception;

  @BeforeAll
  final void connectOnce() throws Exception {
    connection = connect();
  }

  @AfterAll
  final void disconnect() {
    if (connection != null) {
      connection.close();
    }
  }

  /** The initialized client connected to the server under test. */
  protected final McpSyncClient client() {
    return connection.client();
  }

  /** The server process's stderr, where the embedded demo API logs each request it receives. */
  protected final ServerLog log() {
    return connection.log();
  }

  /** Every tool the server lists, following {@code nextCursor} through all pages. */
  protected final List<Tool> allTools() {
    List<Tool> tools = new ArrayList<>();
    String cursor = null;
    do {
      ListToolsResult page = client().listTools(cursor);
      tools.addAll(page.tools());
      cursor = page.nextCursor();
    } while (cursor != null);
    return tools;
  }

  protected final CallToolResult call(String tool, Map<String, Object> arguments) {
    return client().callTool(CallToolRequest.builder(tool).arguments(arguments).build());
  }
}
