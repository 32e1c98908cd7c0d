package dev.openapi2mcp.runtime.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 API on a loopback port that closes connections the way real servers do, which MockWebServer does
 * not: after an idle time (Apache httpd and Node.js after 5 s), after every answer without saying so (HTTP/1.0
 * style servers), or after reading the second request of a connection and before answering it (a server that died
 * while acting on it).
 * Every request line it read is recorded.
 */
final class ClosingApi implements AutoCloseable {
  enum Mode { CLOSE_WHEN_IDLE, CLOSE_AFTER_EACH_ANSWER, DROP_SECOND_REQUEST }

  final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final ServerSocket listener;
  private final Mode mode;
  private final int idleMillis;

  ClosingApi(Mode mode, int idleMillis) throws IOException {
    this.mode = mode;
    this.idleMillis = idleMillis;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "closing-api");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort() + "/v2";
  }

  /** How many connections the API has accepted. */
  int connections() {
    return connections.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        connections.incrementAndGet();
        Thread connection = new Thread(() -> serve(socket), "closing-api-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(idleMillis);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      for (int served = 0; ; served++) {
        String requestLine = readLine(in);
        if (requestLine == null) {
          return;
        }
        int length = 0;
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring("content-length:".length()).strip());
          }
        }
        in.readNBytes(length);
        requests.add(requestLine);
        if (mode == Mode.DROP_SECOND_REQUEST && served == 1) {
          return;
        }
        byte[] body = ("{\"id\":" + requests.size() + "}").getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        if (mode == Mode.CLOSE_AFTER_EACH_ANSWER) {
          return;
        }
      }
    } catch (SocketTimeoutException idle) {
      // The idle timeout: the socket closes, as a keep-alive server's does.
    } catch (IOException gone) {
      // The client went away.
    }
  }

  /** A CRLF-terminated line, or null at end of stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return null;
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
