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

/** {@link SampleServerMain} as a child JVM on the test class path, with its stderr collected. */
public final class ServerProcess implements AutoCloseable {
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
        // process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
  }

  /** The command that starts the sample server with {@code args} and a tools/list page size of 3. */
  public static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-D" + SampleServerMain.PAGE_SIZE_PROPERTY + "=3");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SampleServerMain.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  public static ServerProcess start(String... args) throws IOException {
    return new ServerProcess(new ProcessBuilder(command(args)).start());
  }

  public Process process() {
    return process;
  }

  public String stderr() {
    return stderr.toString();
  }

  /** Waits for the HTTP listening line and returns its port. */
  public int awaitPort() throws InterruptedException {
    Pattern listening = Pattern.compile("openapi2mcp: sample listening on http://[^:]+:(\\d+)/mcp");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && process.isAlive()) {
      Matcher matcher = listening.matcher(stderr);
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("server did not report its port; stderr: " + stderr);
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
