package dev.openapi2mcp.runtime.reliability;

import dev.openapi2mcp.runtime.testing.ServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The lines a server process writes on stdout, read on a thread of their own and taken one by one as they come. */
final class StdoutLines {
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final ServerProcess server;

  StdoutLines(ServerProcess server) {
    this.server = server;
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(server.process().getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "server-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** The next line, waiting up to 20 s; fails with the server's stderr when none comes. */
  String take() throws InterruptedException {
    String line = lines.poll(20, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("no answer within 20 s; alive=" + server.process().isAlive() + "; stderr:\n"
          + server.stderr());
    }
    return line;
  }
}
