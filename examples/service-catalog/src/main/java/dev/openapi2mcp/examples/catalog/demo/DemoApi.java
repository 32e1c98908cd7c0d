package dev.openapi2mcp.examples.catalog.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.openapi2mcp.runtime.transport.http.JdkHttpEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One small in-memory API of the demo catalog (issue 4) on the JDK's HTTP server: 127.0.0.1 only, a free port, JSON
 * only, daemon threads. Every request must carry the API's own credential (else 401); each is logged as
 * {@code demo-api: METHOD path -> status} (no query string), and a {@code X-Request-Source} header as
 * {@code demo-api: request source of METHOD path: VALUE}.
 */
public final class DemoApi implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A request the routes see. */
  public record Request(Map<String, String> path, Map<String, String> query, JsonNode body) {}

  /** What a route answers. */
  public record Response(int status, JsonNode body) {
    static Response ok(JsonNode body) {
      return new Response(200, body);
    }

    static Response error(int status, String message) {
      return new Response(status, JSON.createObjectNode().put("error", message));
    }
  }

  /** Handles one matched request. */
  @FunctionalInterface
  public interface Route {
    Response handle(Request request);
  }

  private record Entry(String method, Pattern pattern, List<String> names, Route route) {}

  private final String basePath;
  private final Predicate<Headers> authorized;
  private final PrintStream log;
  private final List<Entry> routes = new ArrayList<>();
  private HttpServer server;
  private ExecutorService executor;

  /**
   * @param basePath the path under which the API lives, e.g. {@code /inventory/v1}
   * @param authorized whether a request's headers carry this API's credential
   */
  DemoApi(String basePath, Predicate<Headers> authorized, PrintStream log) {
    this.basePath = basePath;
    this.authorized = authorized;
    this.log = log;
  }

  /** Adds a route; {@code template} is relative to the base path, with {@code {name}} variables. */
  DemoApi route(String method, String template, Route route) {
    List<String> names = new ArrayList<>();
    Matcher variables = Pattern.compile("\\{(\\w+)}").matcher(template);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (variables.find()) {
      regex.append(Pattern.quote(template.substring(last, variables.start()))).append("([^/]+)");
      names.add(variables.group(1));
      last = variables.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    routes.add(new Entry(method, Pattern.compile(Pattern.quote(basePath) + regex), names, route));
    return this;
  }

  DemoApi start() throws IOException {
    JdkHttpEngine.enableNoDelay();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    executor = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "demo-api");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    // The dispatcher thread inherits the daemon flag of the thread that starts it.
    Thread starter = new Thread(server::start, "demo-api-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the demo API", e);
    }
    return this;
  }

  /** The base URL to give the MCP server. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
  }

  private void handle(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Response response;
    try {
      response = authorized.test(exchange.getRequestHeaders())
          ? dispatch(exchange, method, path)
          : Response.error(401, "missing or wrong credentials");
    } catch (IOException | RuntimeException e) {
      response = Response.error(400, "bad request");
    }
    String source = exchange.getRequestHeaders().getFirst("X-Request-Source");
    if (source != null) {
      log.println("demo-api: request source of " + method + " " + path + ": " + source);
    }
    log.println("demo-api: " + method + " " + path + " -> " + response.status());
    try (exchange) {
      byte[] bytes = JSON.writeValueAsBytes(response.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(response.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  private Response dispatch(HttpExchange exchange, String method, String path) throws IOException {
    for (Entry entry : routes) {
      Matcher matcher = entry.pattern().matcher(path);
      if (entry.method().equals(method) && matcher.matches()) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < entry.names().size(); i++) {
          variables.put(entry.names().get(i), URLDecoder.decode(matcher.group(i + 1), StandardCharsets.UTF_8));
        }
        byte[] body = exchange.getRequestBody().readNBytes(1 << 20);
        return entry.route().handle(new Request(variables, query(exchange.getRequestURI().getRawQuery()),
            body.length == 0 ? null : JSON.readTree(body)));
      }
    }
    return Response.error(404, "no such resource");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return values;
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
