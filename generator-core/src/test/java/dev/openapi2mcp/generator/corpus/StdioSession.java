package dev.openapi2mcp.generator.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A generated server run as a subprocess and spoken to over stdio with raw newline-delimited JSON-RPC, the way an
 * MCP client launches it. Its stderr goes to a log file, which failures quote from.
 */
final class StdioSession implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNode EOF = MAPPER.createObjectNode();

  private final Process process;
  private final OutputStream stdin;
  private final Path log;
  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final Duration timeout;
  private int nextId = 1;

  private StdioSession(Process process, Path log, Duration timeout) {
    this.process = process;
    this.stdin = process.getOutputStream();
    this.log = log;
    this.timeout = timeout;
    Thread reader = new Thread(this::readStdout, "corpus-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java -cp classPath mainClass args…} with its stderr in {@code log}. */
  static StdioSession start(String classPath, String mainClass, List<String> args, Path log, Duration timeout)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(args);
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
        .start();
    return new StdioSession(process, log, timeout);
  }

  private void readStdout() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        try {
          messages.add(MAPPER.readTree(line));
        } catch (IOException e) {
          messages.add(MAPPER.createObjectNode().put("corpusHarnessError", "stdout line is not JSON: "
              + abbreviate(line)));
        }
      }
    } catch (IOException e) {
      // the process went away; EOF below tells the waiting side
    }
    messages.add(EOF);
  }

  /**
   * Sends a request and returns its {@code result}.
   *
   * @throws SessionException on an error answer, a non-JSON line, EOF or the timeout, with the server's stderr tail
   */
  JsonNode request(String method, JsonNode params) throws IOException, SessionException {
    int id = nextId++;
    ObjectNode message = MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    if (params != null) {
      message.set("params", params);
    }
    send(message);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode answer;
      try {
        answer = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SessionException(method + ": interrupted");
      }
      if (answer == null) {
        throw new SessionException(method + ": no answer within " + timeout.toSeconds() + " s" + stderrTail());
      }
      if (answer == EOF) {
        throw new SessionException(method + ": the server closed stdout" + exitStatus() + stderrTail());
      }
      if (answer.has("corpusHarnessError")) {
        throw new SessionException(method + ": " + answer.get("corpusHarnessError").asText());
      }
      if (!answer.has("id") || answer.get("id").asInt() != id) {
        continue; // notifications (logging, list changes) and nothing else may come in between
      }
      if (answer.has("error")) {
        throw new SessionException(method + ": error " + answer.get("error"));
      }
      if (!answer.has("result")) {
        throw new SessionException(method + ": answer without result: " + abbreviate(answer.toString()));
      }
      return answer.get("result");
    }
  }

  void notify(String method) throws IOException {
    send(MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", method));
  }

  private void send(JsonNode message) throws IOException {
    stdin.write(MAPPER.writeValueAsBytes(message));
    stdin.write('\n');
    stdin.flush();
  }

  /** Closes stdin (a stdio server exits on EOF) and waits a little; kills the process if it stays. */
  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String exitStatus() {
    try {
      return process.waitFor(2, TimeUnit.SECONDS) ? " (exit code " + process.exitValue() + ")" : "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private String stderrTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> tail = lines.subList(Math.max(0, lines.size() - 3), lines.size());
      return tail.isEmpty() ? "" : "; stderr: " + abbreviate(String.join(" / ", tail));
    } catch (IOException e) {
      return "";
    }
  }

  static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  /** The session failed: what was sent, and what the server did instead of answering. */
  static final class SessionException extends Exception {
    private static final long serialVersionUID = 1L;

    SessionException(String message) {
      super(message);
    }
  }
}
