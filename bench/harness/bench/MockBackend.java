package bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one REST backend every server under test calls, and the harness calls directly for the baseline: {@code GET
 * /v2/pet/{id}} answers a fixed-shape pet as JSON; anything else is 404. Runs in the harness JVM on loopback.
 */
final class MockBackend implements AutoCloseable {
  private static final Pattern PET = Pattern.compile("/v2/pet/(\\d+)");

  private final HttpServer server;
  private final ExecutorService pool;

  MockBackend() throws IOException {
    // Without it the JDK server's responses wait on the client's delayed ACK (Nagle), ~40 ms a call.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    pool = Executors.newFixedThreadPool(8);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL the servers are given, e.g. {@code http://127.0.0.1:41234/v2}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2";
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      Matcher pet = PET.matcher(exchange.getRequestURI().getPath());
      if (!"GET".equals(exchange.getRequestMethod()) || !pet.matches()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String id = pet.group(1);
      byte[] body = ("{\"id\":" + id + ",\"category\":{\"id\":1,\"name\":\"dogs\"},\"name\":\"doggie-" + id
          + "\",\"photoUrls\":[\"https://example.com/" + id + ".png\"],\"tags\":[{\"id\":1,\"name\":\"good\"}],"
          + "\"status\":\"available\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
