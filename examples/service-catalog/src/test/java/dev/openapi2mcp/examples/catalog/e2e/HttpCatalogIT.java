package dev.openapi2mcp.examples.catalog.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The scenarios over Streamable HTTP: starts {@code java -jar service-catalog-mcp-server.jar --demo --transport http
 * --port 0}, reads the port from the line the server prints on stderr and connects the SDK client to it.
 */
class HttpCatalogIT extends CatalogScenarios {

  private static final Pattern LISTENING =
      Pattern.compile("openapi2mcp: catalog listening on (http://[^\\s/]+):(\\d+)/mcp");

  private final ServerLog log = new ServerLog();
  private Process server;
  private McpSyncClient client;

  @BeforeAll
  void startAndConnect() throws IOException, InterruptedException {
    server = new ProcessBuilder(
            CatalogJar.javaExecutable(), "-jar", CatalogJar.jar().toString(),
            "--demo", "--transport", "http", "--port", "0")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    Thread stderr = new Thread(() -> pump(server, log), "catalog-stderr");
    stderr.setDaemon(true);
    stderr.start();

    Matcher listening = LISTENING.matcher(log.awaitLine(LISTENING, Duration.ofSeconds(30)));
    listening.find();
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(listening.group(1) + ":" + listening.group(2))
            .endpoint("/mcp")
            .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
            .build();
    client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
    client.initialize();
  }

  @AfterAll
  void disconnectAndStop() throws InterruptedException {
    try {
      if (client != null) {
        client.closeGracefully();
      }
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Override
  protected McpSyncClient client() {
    return client;
  }

  @Override
  protected ServerLog log() {
    return log;
  }

  private static void pump(Process process, ServerLog log) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        log.add(line);
      }
    } catch (IOException e) {
      log.add("(stderr closed: " + e + ")");
    }
  }
}
