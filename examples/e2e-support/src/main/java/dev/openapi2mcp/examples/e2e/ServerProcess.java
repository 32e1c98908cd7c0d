package dev.openapi2mcp.examples.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A packaged server jar running as a child process ({@code java -jar <jar> <args>}) of the test JVM. Its stdout is
 * discarded (an HTTP server writes nothing there); every stderr line goes to {@link #log()} as it arrives, read by a
 * daemon thread so the child never blocks on a full pipe.
 */
public final class ServerProcess implements AutoCloseable {

  /** The line a server prints once its Streamable HTTP endpoint accepts connections. */
  private static final Pattern LISTENING =
      Pattern.compile("openapi2mcp: \\S+ listening on (http://[^\\s/]+:\\d+)/mcp");

  private final Process process;
  private final ServerLog log = new ServerLog();

  private ServerProcess(Process process) {
    this.process = process;
  }

  /** Starts {@code java -jar jar args…}; {@code name} names the stderr reader thread. */
  public static ServerProcess start(String name, Path jar, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    ServerProcess server = new ServerProcess(new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start());
    Thread stderr = new Thread(server::pumpStderr, name + "-stderr");
    stderr.setDaemon(true);
    stderr.start();
    return server;
  }

  /** The java launcher of the JVM running the tests, so the server runs on the same Java. */
  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The server's stderr so far. */
  public ServerLog log() {
    return log;
  }

  /**
   * Waits for the server's "listening" line and returns the base URL it names, e.g. {@code http://127.0.0.1:43121}
   * (the MCP endpoint is {@code /mcp} under it).
   */
  public String awaitListening(Duration timeout) throws InterruptedException {
    Matcher listening = LISTENING.matcher(log.awaitLine(LISTENING, timeout));
    if (!listening.find()) {
      throw new AssertionError("unreachable: awaitLine returned a line that does not match " + LISTENING);
    }
    return listening.group(1);
  }

  /** Stops the server: asks it to end, and kills it if it has not ended within ten seconds. */
  @Override
  public void close() {
    stop(process);
  }

  /** Ends {@code process}: SIGTERM, then SIGKILL after ten seconds; returns once it is gone or after twenty. */
  public static void stop(Process process) {
    process.destroy();
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

  private void pumpStderr() {
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
