package dev.openapi2mcp.runtime.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.SampleServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}) against the sample server over
 * Streamable HTTP. Runs only when {@code -Dconformance.cli=<path to the package's dist/index.js>} is given;
 * {@code -Dconformance.node=<node binary>} overrides {@code node} from the PATH. Each scenario gets a fresh server
 * and must end with exit code 0 (the CLI exits 1 when any check fails).
 */
@Isolated
@EnabledIfSystemProperty(named = "conformance.cli", matches = ".+")
class ConformanceSuiteTest {

  @ParameterizedTest
  @ValueSource(strings = {"server-initialize", "ping", "tools-list", "logging-set-level",
      "dns-rebinding-protection", "server-sse-multiple-streams"})
  void scenarioPasses(String scenario) throws Exception {
    McpServer server = SampleServer.server(McpServerOptions.defaults());
    StreamableHttpTransport transport = new StreamableHttpTransport(server, HttpTransportOptions.defaults().withPort(0));
    try {
      transport.start();
      List<String> command = List.of(System.getProperty("conformance.node", "node"),
          System.getProperty("conformance.cli"), "server", "--url", transport.endpoint().toString(),
          "--scenario", scenario);
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .directory(new File(System.getProperty("java.io.tmpdir"))).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String text = new String(output, StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(text).isZero();
      assertThat(text).contains(", 0 failed");
    } finally {
      transport.close();
    }
  }
}
