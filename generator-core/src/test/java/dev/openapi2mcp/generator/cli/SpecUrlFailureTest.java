package dev.openapi2mcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec given as an http(s) URL that cannot be read fails with one error naming the URL and the cause (connection
 * refused, HTTP status), in the same form as every other failure, without the parser's log lines or a stack trace
 * (issue 12). The parser logs through SLF4J to stderr, so the test checks that its logger printed nothing too.
 */
@Timeout(30)
class SpecUrlFailureTest {

  @TempDir
  Path dir;

  /** Runs with the process's stderr captured (where the parser's SLF4J logger writes) and asserts it stayed empty. */
  private static CliTest.Run withProcessStderr(Supplier<CliTest.Run> action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    CliTest.Run run;
    try {
      run = action.get();
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    return run;
  }

  @Test
  void aRefusedConnectionIsOneErrorNamingTheUrlAndTheCause() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/x.yaml";

    CliTest.Run run = withProcessStderr(() -> CliTest.run("generate", "--spec", url, "--package",
        "com.example.cli", "--out", dir.resolve("gen").toString()));

    assertThat(run.status()).as(run.err()).isEqualTo(Cli.GENERATION_FAILED);
    assertThat(run.errLines()).as(run.err()).containsExactly(
        "openapi2mcp: generation from " + url + " failed with 1 error:",
        "  ERROR " + url + ": cannot read the OpenAPI description " + url + ": connection refused");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anHttpErrorStatusIsOneErrorNamingTheUrlAndTheStatus() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/missing.yaml";

      CliTest.Run run = withProcessStderr(() -> CliTest.run("lint", "--spec", url));

      assertThat(run.status()).as(run.err()).isEqualTo(Cli.GENERATION_FAILED);
      assertThat(run.errLines()).as(run.err()).containsExactly(
          "openapi2mcp: lint of " + url + " failed with 1 error:",
          "  ERROR " + url + ": cannot read the OpenAPI description " + url + ": HTTP status 404");
    } finally {
      server.stop(0);
    }
  }
}
