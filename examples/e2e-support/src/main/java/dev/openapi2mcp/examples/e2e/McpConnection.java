package dev.openapi2mcp.examples.e2e;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An initialized SDK client connected to a packaged server, and that server's stderr. Closing it closes the client
 * gracefully, then stops the server process if this side started it (over stdio the SDK transport owns the process).
 */
public final class McpConnection implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(30);

  private final McpSyncClient client;
  private final ServerLog log;
  private final ServerProcess process;

  private McpConnection(McpSyncClient client, ServerLog log, ServerProcess process) {
    this.client = client;
    this.log = log;
    this.process = process;
  }

  /** Lets the SDK client start {@code java -jar jar args…} and connects over stdio. */
  public static McpConnection stdio(Path jar, String... args) {
    ServerLog log = new ServerLog();
    McpConnection connection = new McpConnection(McpClients.stdio(jar, log, args), log, null);
    return initialized(connection);
  }

  /**
   * Starts {@code java -jar jar args… --transport http --port 0}, waits for the port it prints on stderr and connects
   * over Streamable HTTP.
   */
  public static McpConnection http(Path jar, String... args) throws Exception {
    List<String> arguments = new ArrayList<>(List.of(args));
    arguments.addAll(List.of("--transport", "http", "--port", "0"));
    ServerProcess server = ServerProcess.start("server", jar, arguments.toArray(String[]::new));
    try {
      String baseUrl = server.awaitListening(STARTUP);
      return initialized(new McpConnection(McpClients.http(baseUrl), server.log(), server));
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
  }

  private static McpConnection initialized(McpConnection connection) {
    try {
      connection.client.initialize();
      return connection;
    } catch (RuntimeException | Error e) {
      connection.close();
      throw e;
    }
  }

  public McpSyncClient client() {
    return client;
  }

  public ServerLog log() {
    return log;
  }

  @Override
  public void close() {
    try {
      client.closeGracefully();
    } finally {
      if (process != null) {
        process.close();
      }
    }
  }
}
