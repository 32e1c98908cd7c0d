package dev.openapi2mcp.runtime.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An API on a plain loopback socket that misbehaves as the last path segment of the request says (issue 5): too
 * slow, broken HTTP, garbage, huge bodies. A plain socket rather than MockWebServer because most of these answers
 * are not HTTP that a well-behaved server library would write, and because the huge bodies are generated while they
 * are sent instead of being held in memory. Every answer closes its connection, so that one mode cannot leave
 * leftovers on a pooled connection for the next.
 */
final class ChaosApi implements AutoCloseable {
  /** Headers only after this long: beyond the server's read timeout in the tests. */
  static final long SLOW_HEADERS_MILLIS = 3_000;
  /** The size of the streamed huge body. */
  static final long HUGE_BYTES = 100L * 1024 * 1024;
  /** The size of the single-line JSON body. */
  static final int HUGE_LINE_BYTES = 10 * 1024 * 1024;
  static final String ERROR_BODY = "backend exploded: the database connection pool is exhausted (pool=main, size=20)";

  private final ServerSocket socket;
  private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "chaos-api");
    thread.setDaemon(true);
    return thread;
  });

  ChaosApi() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    connections.execute(this::acceptLoop);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        connections.execute(() -> serve(connection));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      connection.setSoTimeout(30_000);
      String head = readHead(connection.getInputStream());
      String target = head.split(" ", 3)[1];
      String mode = target.substring(target.lastIndexOf('/') + 1);
      answer(mode, connection.getOutputStream());
    } catch (SocketException e) {
      // The client gave up (timeout, budget reached): what these modes are for.
    } catch (IOException | RuntimeException e) {
      // A malformed request line is not what this API tests; drop the connection.
    }
  }

  private static void answer(String mode, OutputStream out) throws IOException {
    switch (mode) {
      case "ok" -> write(out, head(200, "OK", "application/json", 11) + "{\"ok\":true}");
      case "slowHeaders" -> {
        sleep(SLOW_HEADERS_MILLIS);
        write(out, head(200, "OK", "application/json", 11) + "{\"ok\":true}");
      }
      case "trickle" -> {
        write(out, head(200, "OK", "text/plain", 1000));
        for (int i = 0; i < 1000; i++) {
          out.write('x');
          out.flush();
          sleep(50);
        }
      }
      case "error503" -> {
        byte[] body = ERROR_BODY.getBytes(StandardCharsets.UTF_8);
        write(out, head(503, "Service Unavailable", "text/plain; charset=utf-8", body.length));
        out.write(body);
      }
      case "notHttp" -> {
        // What a client meets when the base URL names an SSH port: a banner, then binary noise.
        write(out, "SSH-2.0-OpenSSH_9.6\r\n");
        byte[] noise = new byte[512];
        new Random(5).nextBytes(noise);
        out.write(noise);
      }
      case "truncatedChunked" -> write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n10\r\n{\"items\":[1,2,3,\r\n");
      case "invalidJson" -> {
        String body = "{\"items\": [1, 2,, oops";
        write(out, head(200, "OK", "application/json", body.length()) + body);
      }
      case "shortBody" -> write(out, head(200, "OK", "application/json", 1000) + "{\"items\":[1,2,3]}");
      case "huge" -> streamHuge(out);
      case "hugeLine" -> {
        byte[] body = new byte[HUGE_LINE_BYTES];
        Arrays.fill(body, (byte) 'a');
        byte[] start = "{\"data\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, body, 0, start.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        write(out, head(200, "OK", "application/json", body.length));
        out.write(body);
      }
      default -> write(out, head(404, "Not Found", "text/plain", 0));
    }
    out.flush();
  }

  /** 100 MB of a JSON array in 64 KiB chunks, written as it goes; ends early when the client hangs up. */
  private static void streamHuge(OutputStream out) throws IOException {
    write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        + "Connection: close\r\n\r\n");
    byte[] data = new byte[64 * 1024];
    for (int i = 0; i < data.length; i += 8) {
      System.arraycopy("1234567,".getBytes(StandardCharsets.US_ASCII), 0, data, i, 8);
    }
    writeChunk(out, "[".getBytes(StandardCharsets.US_ASCII));
    for (long sent = 0; sent < HUGE_BYTES; sent += data.length) {
      writeChunk(out, data);
    }
    writeChunk(out, "0]".getBytes(StandardCharsets.US_ASCII));
    write(out, "0\r\n\r\n");
  }

  private static void writeChunk(OutputStream out, byte[] chunk) throws IOException {
    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(chunk);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static String head(int status, String reason, String contentType, long length) {
    return "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
        + length + "\r\nConnection: close\r\n\r\n";
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while (matched < 4 && (b = in.read()) >= 0) {
      head.write(b);
      matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    connections.shutdownNow();
  }
}
