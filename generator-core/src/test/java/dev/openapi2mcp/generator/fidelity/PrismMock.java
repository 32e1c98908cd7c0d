package dev.openapi2mcp.generator.fidelity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Prism mock server ({@code prism mock SPEC --errors}) on a free loopback port: it answers each request from
 * the spec's examples when the request is valid, and with a 4xx that names every violation when it is not.
 *
 * <p>Prism's output is kept (the last lines go into failure messages). {@link #ensureRunning} restarts a mock that
 * died, since a request that crashes Prism would otherwise fail every later call of the same spec.
 */
final class PrismMock implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final int LOG_LINES = 200;

  private final String node;
  private final Path cli;
  private final Path spec;
  private Process process;
  private int port;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private int starts;
  private Thread reader;

  private PrismMock(String node, Path cli, Path spec) {
    this.node = node;
    this.cli = cli;
    this.spec = spec;
  }

  /**
   * Starts Prism for {@code spec} and waits until it listens.
   *
   * @throws IOException when Prism cannot be started or does not listen within three minutes; the message has its
   *     output
   */
  static PrismMock start(String node, Path cli, Path spec) throws IOException {
    if (!Files.isRegularFile(cli)) {
      throw new IOException("no Prism CLI at " + cli + " (set -Dprism.cli, see RequestFidelityIT)");
    }
    PrismMock mock = new PrismMock(node, cli, spec);
    mock.launch();
    return mock;
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** How often Prism was started for this spec (1 unless it died and was restarted). */
  int starts() {
    return starts;
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Waits up to {@code timeout} for Prism to exit; returns whether it did. */
  boolean awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return false;
      }
      // Its last words (the stack trace) are read by the output thread; let it finish.
      reader.join(2000);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Restarts Prism if it died; returns whether it had to. */
  boolean ensureRunning() throws IOException {
    if (isAlive()) {
      return false;
    }
    launch();
    return true;
  }

  /** The last lines Prism printed. */
  String recentOutput(int lines) {
    synchronized (log) {
      return String.join("\n", log.subList(Math.max(0, log.size() - lines), log.size()));
    }
  }

  private void launch() throws IOException {
    port = freePort();
    ProcessBuilder builder = new ProcessBuilder(node, cli.toString(), "mock", spec.toString(), "--errors",
        "-h", "127.0.0.1", "-p", Integer.toString(port));
    builder.redirectErrorStream(true);
    // Prism prints colours and a progress spinner when it thinks it talks to a terminal.
    builder.environment().put("NO_COLOR", "1");
    builder.environment().put("FORCE_COLOR", "0");
    process = builder.start();
    starts++;
    CountDownLatch listening = new CountDownLatch(1);
    Process started = process;
    reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          remember(line);
          if (line.contains("Prism is listening")) {
            listening.countDown();
          }
        }
      } catch (IOException e) {
        remember("(output closed: " + e.getMessage() + ")");
      }
    }, "prism-output");
    reader.setDaemon(true);
    reader.start();
    try {
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (!listening.await(200, TimeUnit.MILLISECONDS)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IOException("Prism did not start for " + spec + ":\n" + recentOutput(40));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while starting Prism", e);
    }
  }

  private void remember(String line) {
    synchronized (log) {
      log.add(line);
      if (log.size() > LOG_LINES) {
        log.remove(0);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
