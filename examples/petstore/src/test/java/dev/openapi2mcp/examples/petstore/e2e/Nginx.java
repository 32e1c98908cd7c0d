package dev.openapi2mcp.examples.petstore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.examples.e2e.ServerProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * nginx from the system's packages as a round-robin reverse proxy on loopback, run as the test's own process with
 * every file (configuration, pid, logs, temporary files) in one directory, so that it needs no root and leaves
 * nothing behind. Issue 5's two-replica test puts it in front of the replicas.
 */
final class Nginx implements AutoCloseable {
  /** {@code -e} (the startup error log) exists from nginx 1.19.5 on; older versions write it to their default. */
  private static final int[] ERROR_LOG_FLAG_SINCE = {1, 19, 5};

  private final Path directory;
  private final Process process;
  private final int port;

  private Nginx(Path directory, Process process, int port) {
    this.directory = directory;
    this.process = process;
    this.port = port;
  }

  /** The nginx executable on the PATH or in the usual sbin directories (Debian installs it to /usr/sbin). */
  static Optional<Path> find() {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(java.io.File.pathSeparator)) {
        if (!entry.isEmpty()) {
          candidates.add(Path.of(entry, "nginx"));
        }
      }
    }
    candidates.add(Path.of("/usr/sbin/nginx"));
    candidates.add(Path.of("/usr/local/sbin/nginx"));
    candidates.add(Path.of("/usr/local/nginx/sbin/nginx"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /**
   * Starts nginx on a free loopback port, proxying {@code /} round-robin to the upstream ports, and waits until it
   * accepts connections.
   */
  static Nginx start(Path executable, Path directory, List<Integer> upstreamPorts) throws Exception {
    int port = freePort();
    Files.createDirectories(directory);
    Path config = directory.resolve("nginx.conf");
    Files.writeString(config, config(directory, port, upstreamPorts));
    List<String> command = new ArrayList<>(List.of(executable.toString(), "-p", directory + "/", "-c",
        config.toString()));
    if (atLeast(version(executable), ERROR_LOG_FLAG_SINCE)) {
      command.addAll(List.of("-e", directory.resolve("error.log").toString()));
    }
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("nginx.out").toFile())
        .start();
    Nginx nginx = new Nginx(directory, process, port);
    nginx.awaitListening(Duration.ofSeconds(20));
    return nginx;
  }

  /**
   * Round-robin over the upstreams with HTTP/1.1 keep-alive, nothing buffered (event streams must pass through as
   * they are written), headers passed on, and no retry on another upstream: a failed request must show up as an
   * error in the test's figures, not be hidden by a second try.
   */
  private static String config(Path directory, int port, List<Integer> upstreamPorts) {
    StringBuilder upstreams = new StringBuilder();
    upstreamPorts.forEach(p -> upstreams.append("    server 127.0.0.1:").append(p).append(";\n"));
    String dir = directory.toString();
    return "worker_processes 1;\n"
        + "daemon off;\n"
        + "pid " + dir + "/nginx.pid;\n"
        + "error_log " + dir + "/error.log info;\n"
        + "events {\n  worker_connections 256;\n}\n"
        + "http {\n"
        + "  log_format upstreams '$request_method $uri $status $upstream_addr';\n"
        + "  access_log " + dir + "/access.log upstreams;\n"
        + "  client_body_temp_path " + dir + "/client_body;\n"
        + "  proxy_temp_path " + dir + "/proxy;\n"
        + "  fastcgi_temp_path " + dir + "/fastcgi;\n"
        + "  uwsgi_temp_path " + dir + "/uwsgi;\n"
        + "  scgi_temp_path " + dir + "/scgi;\n"
        + "  upstream replicas {\n" + upstreams + "    keepalive 16;\n  }\n"
        + "  server {\n"
        + "    listen 127.0.0.1:" + port + ";\n"
        + "    location / {\n"
        + "      proxy_pass http://replicas;\n"
        + "      proxy_http_version 1.1;\n"
        + "      proxy_set_header Connection \"\";\n"
        + "      proxy_set_header Host $http_host;\n"
        + "      proxy_buffering off;\n"
        + "      proxy_request_buffering off;\n"
        + "      proxy_next_upstream off;\n"
        + "      proxy_read_timeout 60s;\n"
        + "    }\n"
        + "  }\n"
        + "}\n";
  }

  int port() {
    return port;
  }

  /** The upstream address ({@code 127.0.0.1:PORT}) of each request nginx logged, in order. */
  List<String> upstreamsServed() throws IOException {
    Path log = directory.resolve("access.log");
    if (!Files.exists(log)) {
      return List.of();
    }
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.map(line -> line.substring(line.lastIndexOf(' ') + 1)).toList();
    }
  }

  /** The end of nginx's error log, for failure messages. */
  String errorLog() {
    try {
      List<String> lines = Files.readAllLines(directory.resolve("error.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no error log: " + e + ")";
    }
  }

  private void awaitListening(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("nginx exited with " + process.exitValue() + ": "
            + Files.readString(directory.resolve("nginx.out")) + "\n" + errorLog());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("nginx did not listen on 127.0.0.1:" + port + " within " + timeout + "\n" + errorLog());
  }

  /** Stops nginx with SIGTERM (its fast shutdown), forcibly after 10 s. */
  @Override
  public void close() {
    ServerProcess.stop(process);
    assertThat(process.isAlive()).as("nginx stopped").isFalse();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static int[] version(Path executable) throws Exception {
    Process process = new ProcessBuilder(executable.toString(), "-v").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(10, TimeUnit.SECONDS);
    Matcher matcher = Pattern.compile("nginx/(\\d+)\\.(\\d+)\\.(\\d+)").matcher(output);
    if (!matcher.find()) {
      return new int[] {0, 0, 0};
    }
    return new int[] {
        Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))};
  }

  private static boolean atLeast(int[] version, int[] minimum) {
    for (int i = 0; i < minimum.length; i++) {
      if (version[i] != minimum[i]) {
        return version[i] > minimum[i];
      }
    }
    return true;
  }
}
