package dev.openapi2mcp.runtime.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal MCP client over a server process's stdin and stdout that lets any number of threads have requests in
 * flight at once: writes are serialized, a reader thread hands each response to the request with its id. The
 * official Java SDK 2.1.0 client cannot do this over stdio (concurrent sends fail with "Failed to enqueue message",
 * modelcontextprotocol/java-sdk#875), and the load test of issue 5 needs exactly this.
 */
final class StdioPipe implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final OutputStream in;
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  /** Answers whose id matched no request in flight: each would be a crossed or duplicated response. */
  final AtomicLong strays = new AtomicLong();

  StdioPipe(Process process) {
    this.process = process;
    this.in = process.getOutputStream();
    Thread reader = new Thread(this::read, "stdio-pipe");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        JsonNode message = JSON.readTree(line);
        CompletableFuture<JsonNode> waiting = message.has("id") ? pending.remove(message.get("id").toString()) : null;
        if (waiting != null) {
          waiting.complete(message);
        } else if (!message.has("method")) {
          strays.incrementAndGet();
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    pending.values().forEach(f -> f.completeExceptionally(new IOException("the server closed stdout")));
  }

  /** Sends a request with a fresh numeric id; the future completes with the response. */
  CompletableFuture<JsonNode> request(String method, String paramsJson) throws IOException {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> response = new CompletableFuture<>();
    pending.put(Long.toString(id), response);
    write("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
    return response;
  }

  synchronized void write(String line) throws IOException {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Initializes the session at the latest revision. */
  void initialize() throws Exception {
    request("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"reliability\",\"version\":\"1\"}}").get();
    write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
