package dev.openapi2mcp.generator.fidelity;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP/1.1 forwarder between the runtime and the validating mock that records every exchange byte for
 * byte, so that a rejection can be shown with the exact request that was sent.
 *
 * <p>The runtime is pointed at {@code http://127.0.0.1:<port><basePath>}, the base path of the spec's first server,
 * as a real deployment would be. Prism routes on the spec's paths alone, so the proxy checks that each request
 * target starts with the base path, strips it, and forwards the rest unchanged. A target outside the base path is
 * not forwarded: it is answered with a 599 and recorded, since it means the runtime built a wrong URL.
 *
 * <p>Each forwarded request goes over a new connection to the mock with {@code Connection: close}, so the answer
 * ends where the mock closes it; the runtime's own connection stays open (keep-alive) as usual. Only the
 * {@code Connection} header is changed on the way; everything recorded is what the runtime sent.
 */
final class RecordingProxy implements AutoCloseable {
  private static final int OUTSIDE_BASE_PATH = 599;

  private final ServerSocket server;
  private volatile InetSocketAddress upstream;
  private final String basePath;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final List<Socket> clients = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  RecordingProxy(InetSocketAddress upstream, String basePath) throws IOException {
    this.upstream = upstream;
    this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "fidelity-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The URL the runtime should use as its base URL. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort() + basePath;
  }

  /** Points the proxy at a restarted mock. */
  void upstream(InetSocketAddress address) {
    this.upstream = address;
  }

  /** The exchanges recorded since the last call, oldest first; clears the record. */
  List<Exchange> drain() {
    List<Exchange> taken = new ArrayList<>(exchanges);
    exchanges.removeAll(taken);
    return taken;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        clients.add(client);
        Thread worker = new Thread(() -> serve(client), "fidelity-proxy-connection");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        Head head = readHead(in);
        if (head == null) {
          return;
        }
        byte[] body = readBody(in, head.headers());
        Exchange exchange = forward(head, body);
        exchanges.add(exchange);
        out.write(rawResponse(exchange));
        out.flush();
      }
    } catch (IOException e) {
      // The runtime closed its connection; nothing to record.
    } finally {
      clients.remove(client);
    }
  }

  private Exchange forward(Head head, byte[] body) throws IOException {
    if (!head.target().equals(basePath) && !head.target().startsWith(basePath + "/")
        && !head.target().startsWith(basePath + "?")) {
      byte[] message = ("request target " + head.target() + " is outside the base path " + basePath)
          .getBytes(StandardCharsets.UTF_8);
      return new Exchange(head.method(), head.target(), head.headers(), body, OUTSIDE_BASE_PATH,
          List.of("Content-Type: text/plain", "Content-Length: " + message.length), message);
    }
    String upstreamTarget = head.target().substring(basePath.length());
    if (upstreamTarget.isEmpty() || upstreamTarget.startsWith("?")) {
      upstreamTarget = "/" + upstreamTarget;
    }
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes((head.method() + " " + upstreamTarget + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
    for (String line : head.headers()) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")
          && !line.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")
          && !line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        request.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    if (body.length > 0 || head.headers().stream().anyMatch(RecordingProxy::declaresBody)) {
      request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    request.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    request.writeBytes(body);

    try (Socket socket = new Socket()) {
      socket.connect(upstream, 10_000);
      socket.setSoTimeout(60_000);
      socket.getOutputStream().write(request.toByteArray());
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      String status = readLine(in);
      if (status == null) {
        return noAnswer(head, body, "the mock closed the connection without an answer");
      }
      List<String> headers = new ArrayList<>();
      for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
        headers.add(line);
      }
      byte[] responseBody = in.readAllBytes();
      if (isChunked(headers)) {
        responseBody = dechunk(responseBody);
      }
      String[] parts = status.split(" ", 3);
      return new Exchange(head.method(), head.target(), head.headers(), body, Integer.parseInt(parts[1]),
          headers, responseBody);
    } catch (SocketException e) {
      return noAnswer(head, body, "the mock did not answer: " + e.getMessage());
    }
  }

  private static boolean declaresBody(String headerLine) {
    String lower = headerLine.toLowerCase(Locale.ROOT);
    return lower.startsWith("content-length:") || lower.startsWith("transfer-encoding:");
  }

  private static Exchange noAnswer(Head head, byte[] body, String why) {
    return new Exchange(head.method(), head.target(), head.headers(), body, 0, List.of(),
        why.getBytes(StandardCharsets.UTF_8));
  }

  /** The response as the runtime gets it: de-chunked, with a Content-Length, keep-alive. */
  private static byte[] rawResponse(Exchange exchange) {
    int status = exchange.status() == 0 ? 502 : exchange.status();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("HTTP/1.1 " + status + " X\r\n").getBytes(StandardCharsets.ISO_8859_1));
    for (String line : exchange.responseHeaders()) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("connection:") && !lower.startsWith("keep-alive:")
          && !lower.startsWith("transfer-encoding:") && !lower.startsWith("content-length:")) {
        out.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    out.writeBytes(("Content-Length: " + exchange.responseBody().length + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(exchange.responseBody());
    return out.toByteArray();
  }

  private record Head(String method, String target, List<String> headers) {}

  private static Head readHead(InputStream in) throws IOException {
    String requestLine = readLine(in);
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length != 3) {
      throw new IOException("malformed request line: " + requestLine);
    }
    List<String> headers = new ArrayList<>();
    for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      headers.add(line);
    }
    return new Head(parts[0], parts[1], headers);
  }

  private static byte[] readBody(InputStream in, List<String> headers) throws IOException {
    if (isChunked(headers)) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = readLine(in);
        if (sizeLine == null) {
          throw new EOFException("chunked body ended early");
        }
        int semicolon = sizeLine.indexOf(';');
        int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
        if (size == 0) {
          for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
            // Trailers are not used by the runtime.
          }
          return body.toByteArray();
        }
        body.writeBytes(in.readNBytes(size));
        readLine(in);
      }
    }
    for (String line : headers) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        int length = Integer.parseInt(line.substring("content-length:".length()).strip());
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
          throw new EOFException("body ended early");
        }
        return body;
      }
    }
    return new byte[0];
  }

  private static boolean isChunked(List<String> headers) {
    return headers.stream().anyMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")
        && line.toLowerCase(Locale.ROOT).contains("chunked"));
  }

  private static byte[] dechunk(byte[] chunked) throws IOException {
    return readBody(new java.io.ByteArrayInputStream(chunked), List.of("Transfer-Encoding: chunked"));
  }

  /** One CRLF- (or LF-) terminated line in ISO-8859-1, without the terminator; null at end of stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket client : clients) {
      client.close();
    }
  }
}
