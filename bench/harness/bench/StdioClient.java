package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A minimal MCP client over a child process's stdin/stdout: one JSON-RPC message per line, answers matched by id;
 * lines that are not the awaited answer (notifications, logs a server wrongly writes to stdout) are skipped.
 */
final class StdioClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String INITIALIZE_PARAMS = "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
      + "\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}";

  private final Process process;
  private final OutputStream in;
  private final BufferedReader out;
  private int nextId = 1;

  private StdioClient(Process process) {
    this.process = process;
    this.in = process.getOutputStream();
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts the command with stderr discarded (servers log there; the pipe must never fill up). */
  static StdioClient start(List<String> command, Map<String, String> env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    return new StdioClient(builder.start());
  }

  long pid() {
    return process.pid();
  }

  /** Sends {@code initialize}, waits for its answer, then sends {@code notifications/initialized}. */
  JsonNode initialize() throws IOException {
    JsonNode result = request("initialize", INITIALIZE_PARAMS);
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return result;
  }

  /** Sends a request and returns the raw line of its answer. */
  String requestRaw(String method, String paramsJson) throws IOException {
    int id = nextId++;
    send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
        + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}");
    String idText = "\"id\":" + id;
    while (true) {
      String line = out.readLine();
      if (line == null) {
        throw new IOException("the server closed stdout before answering " + method + " (id " + id + ")");
      }
      // Cheap pre-check; the parse below decides.
      if (line.contains(idText) && (line.contains("\"result\"") || line.contains("\"error\""))) {
        JsonNode message = JSON.readTree(line);
        if (message.path("id").asInt(-1) == id) {
          return line;
        }
      }
    }
  }

  /** Sends a request and returns its {@code result}; a JSON-RPC error is an exception naming the method. */
  JsonNode request(String method, String paramsJson) throws IOException {
    JsonNode message = JSON.readTree(requestRaw(method, paramsJson));
    if (message.has("error")) {
      throw new IOException(method + " failed: " + message.get("error"));
    }
    return message.get("result");
  }

  void send(String line) throws IOException {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Resident set size of the process now, in KiB, from {@code /proc/<pid>/status}. */
  long rssKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no VmRSS for pid " + process.pid());
  }

  @Override
  public void close() throws IOException {
    try {
      in.close();
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
