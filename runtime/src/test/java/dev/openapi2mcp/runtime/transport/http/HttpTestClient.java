package dev.openapi2mcp.runtime.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Raw HTTP access to the MCP endpoint, for what an MCP client library would hide. */
final class HttpTestClient {
  static final String ACCEPT_BOTH = "application/json, text/event-stream";
  static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  final URI endpoint;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final ObjectMapper mapper = new ObjectMapper();

  HttpTestClient(URI endpoint) {
    this.endpoint = endpoint;
  }

  HttpResponse<String> send(String method, URI uri, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(builder::header);
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postRaw(String body, Map<String, String> headers) throws Exception {
    return send("POST", endpoint, body, headers);
  }

  /** POST with the headers a well-behaved client sends, plus {@code extra}. */
  HttpResponse<String> post(String body, String sessionId, Map<String, String> extra) throws Exception {
    Map<String, String> headers = new java.util.HashMap<>(Map.of(
        "Content-Type", "application/json", "Accept", ACCEPT_BOTH));
    if (sessionId != null) {
      headers.put("Mcp-Session-Id", sessionId);
    }
    headers.putAll(extra);
    return postRaw(body, headers);
  }

  HttpResponse<String> post(String body, String sessionId) throws Exception {
    return post(body, sessionId, Map.of());
  }

  /** Initializes a session and sends notifications/initialized; returns the session id. */
  String initialize() throws Exception {
    HttpResponse<String> response = post(INIT, null);
    if (response.statusCode() != 200) {
      throw new AssertionError("initialize failed: " + response.statusCode() + " " + response.body());
    }
    String id = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    HttpResponse<String> initialized =
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", id);
    if (initialized.statusCode() != 202) {
      throw new AssertionError("initialized notification: " + initialized.statusCode());
    }
    return id;
  }

  JsonNode json(HttpResponse<String> response) throws IOException {
    return mapper.readTree(response.body());
  }

  static String request(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
  }

  /** An open GET event stream whose lines a background thread collects. */
  static final class Sse implements AutoCloseable {
    final int status;
    final String contentType;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final InputStream body;
    volatile boolean ended;

    Sse(HttpResponse<InputStream> response) {
      this.status = response.statusCode();
      this.contentType = response.headers().firstValue("Content-Type").orElse("");
      this.body = response.body();
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            lines.add(line);
          }
        } catch (IOException e) {
          // closed by the test or the server
        } finally {
          ended = true;
        }
      });
      reader.setDaemon(true);
      reader.start();
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  Sse openStream(String sessionId) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(endpoint).GET()
        .header("Accept", "text/event-stream").header("Mcp-Session-Id", sessionId).build();
    return new Sse(http.send(request, HttpResponse.BodyHandlers.ofInputStream()));
  }

  /**
   * Sends a request over a plain socket, for headers {@link HttpClient} will not set (Host); returns the status.
   */
  static int rawPost(int port, String host, String origin, String body) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      String head = "POST /mcp HTTP/1.1\r\nHost: " + host + "\r\n"
          + (origin == null ? "" : "Origin: " + origin + "\r\n")
          + "Content-Type: application/json\r\nAccept: " + ACCEPT_BOTH + "\r\n"
          + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String status = in.readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }
}
