package dev.openapi2mcp.runtime.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server main class as a child JVM on the test class path, with its stderr collected: the real process, so that
 * a crash, an exit or a signal is what a user would see (issue 5).
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)/mcp");

  private final Process process;
  private final StringBuffer stderr = new StringBuffer();

  private ServerProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          stderr.append(line).append('\n');
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "child-stderr");
    reader.setDaemon(true);
    reader.start();
  }

  /** The command line of {@code mainClass} in a JVM with {@code jvmOptions}, given {@code args}. */
  public static List<String> command(List<String> jvmOptions, Class<?> mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    return command;
  }

  /** The command that starts {@link SampleServerMain} with {@code args} and a tools/list page size of 3. */
  public static List<String> command(String... args) {
    return command(List.of("-D" + SampleServerMain.PAGE_SIZE_PROPERTY + "=3"), SampleServerMain.class, List.of(args));
  }

  public static ServerProcess start(List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
    return new ServerProcess(new ProcessBuilder(command(jvmOptions, mainClass, List.of(args))).start());
  }

  /** Starts a prepared command, for tests that set the child's environment. */
  public static ServerProcess start(ProcessBuilder builder) throws IOException {
    return new ServerProcess(builder.start());
  }

  /** Starts {@link SampleServerMain} as {@link #command(String...)} describes. */
  public static ServerProcess start(String... args) throws IOException {
    return new ServerProcess(new ProcessBuilder(command(args)).start());
  }

  public Process process() {
    return process;
  }

  public String stderr() {
    return stderr.toString();
  }

  /** Waits for the HTTP transport's listening line and returns the port it names. */
  public int awaitPort() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && process.isAlive()) {
      Matcher matcher = LISTENING.matcher(stderr);
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the server did not report its port; stderr:\n" + stderr);
  }

  /**
   * Sends SIGTERM, as {@code kill}, Kubernetes and systemd do. Through the process handle, because
   * {@link Process#destroy()} also closes this side's pipes, which a real signal does not.
   */
  public void terminate() {
    process.toHandle().destroy();
  }

  /** Waits for the process to end and returns its exit code. */
  public int awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("the server did not exit within " + seconds + " s; stderr:\n" + stderr);
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
