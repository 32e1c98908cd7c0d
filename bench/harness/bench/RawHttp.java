package bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection on a blocking socket: the load generator's client. It is deliberately lean
 * (no pool, no async machinery, no TLS) so that on a small machine the server under test, not the client, runs out
 * of CPU first; java.net.http.HttpClient topped out below 2,000 calls/s on 2 cores in the smoke run. Bodies with a
 * {@code Content-Length} or {@code Transfer-Encoding: chunked} are read; any failure closes the connection, and the
 * next exchange opens a new one.
 */
final class RawHttp implements AutoCloseable {
  /** A response: status, headers with lower-case names (last value wins), body as UTF-8 text. */
  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final int port;
  private final int timeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  RawHttp(int port, int timeoutMillis) {
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /** Sends one request and reads its whole response; a timeout surfaces as {@link java.net.SocketTimeoutException}. */
  Response exchange(String method, String path, Map<String, String> headers, String body) throws IOException {
    try {
      if (socket == null) {
        connect();
      }
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(256);
      head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port)
          .append("\r\nContent-Length: ").append(content.length).append("\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return read(method);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis);
    socket.setSoTimeout(timeoutMillis);
    in = new BufferedInputStream(socket.getInputStream(), 16384);
    out = new BufferedOutputStream(socket.getOutputStream(), 8192);
  }

  private Response read(String method) throws IOException {
    String statusLine = line();
    if (!statusLine.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean noBody = "HEAD".equals(method) || status == 204 || status == 304 || status / 100 == 1;
    if (!noBody) {
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
          body.write(in.readNBytes(size));
          line();
        }
        while (!line().isEmpty()) {
          // trailers
        }
      } else if (headers.containsKey("content-length")) {
        int length = Integer.parseInt(headers.get("content-length"));
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
          throw new EOFException("body cut at " + bytes.length + " of " + length + " bytes");
        }
        body.write(bytes);
      } else {
        body.write(in.readAllBytes()); // read to close
        close();
      }
    }
    if ("close".equalsIgnoreCase(headers.get("connection"))) {
      close();
    }
    return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
  }

  private int chunkSize() throws IOException {
    String line = line();
    int semicolon = line.indexOf(';');
    return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed mid-response");
      }
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      line.append((char) b);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // nothing left to release
      }
      socket = null;
    }
  }
}
