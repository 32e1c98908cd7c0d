package dev.openapi2mcp.examples.petstore.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.openapi2mcp.runtime.transport.http.JdkHttpEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory Petstore API on the JDK's HTTP server, for trying the generated MCP server without a real backend.
 *
 * <p>Invariants: it listens on 127.0.0.1 only, on a free port, under {@value #BASE_PATH} (the spec's server is
 * {@code http://petstore.swagger.io/v2}); it starts with pets 1 to 5; it answers JSON only, errors as the spec's
 * {@code ApiResponse} (404 for unknown ids, 400 for invalid input); it is thread-safe; all its threads are daemons,
 * so it never keeps a JVM alive; it writes one line per request to its log, {@code demo-api: GET /v2/pet/1 -> 200},
 * with the path but never the query string (which may hold a password).
 */
public final class DemoPetstoreApi implements AutoCloseable {

  public static final String BASE_PATH = "/v2";

  /** Bodies above this size are refused with 413 instead of being held in memory. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private final HttpServer server;
  private final ExecutorService executor;
  private final Router router = new Router();
  private final PrintStream log;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private DemoPetstoreApi(HttpServer server, ExecutorService executor, PrintStream log) {
    this.server = server;
    this.executor = executor;
    this.log = log;
    PetRepository pets = new PetRepository();
    OrderRepository orders = new OrderRepository();
    UserRepository users = new UserRepository();
    SeedData.seed(pets, orders, users);
    new PetRoutes(pets).register(router, BASE_PATH);
    new StoreRoutes(pets, orders).register(router, BASE_PATH);
    new UserRoutes(users, Clock.systemUTC()).register(router, BASE_PATH);
  }

  /** Starts a freshly seeded API that logs its requests to stderr. */
  public static DemoPetstoreApi start() throws IOException {
    return start(System.err);
  }

  /** Starts a freshly seeded API that logs its requests to {@code log}. */
  public static DemoPetstoreApi start(PrintStream log) throws IOException {
    // Without TCP_NODELAY every answer of the JDK server waits ~40 ms for a delayed ACK.
    JdkHttpEngine.enableNoDelay();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    ExecutorService executor = Executors.newFixedThreadPool(4, daemonThreads());
    DemoPetstoreApi api = new DemoPetstoreApi(server, executor, log);
    server.createContext("/", api::handle);
    server.setExecutor(executor);
    startAsDaemon(server);
    return api;
  }

  /** The base URL to give the MCP server, e.g. {@code http://127.0.0.1:41234/v2}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
  }

  /** Stops listening at once; requests in flight are dropped. Calling it again does nothing. */
  public void stop() {
    if (stopped.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void handle(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    DemoResponse response;
    try {
      response = dispatch(exchange, method, rawPath);
    } catch (ApiException e) {
      response = new DemoResponse(e.status(), ApiMessage.error(e.status(), e.getMessage()), e.headers());
    } catch (IOException | UncheckedIOException e) {
      response = new DemoResponse(400, ApiMessage.error(400, "could not read the request"), Map.of());
    } catch (RuntimeException e) {
      // A bug in a route: the client gets no internals, the log gets the cause, the server keeps serving.
      log.println("demo-api: internal error in " + method + " " + rawPath + ": " + e);
      response = new DemoResponse(500, ApiMessage.error(500, "internal error"), Map.of());
    }
    log.println("demo-api: " + method + " " + rawPath + " -> " + response.status());
    send(exchange, response);
  }

  private DemoResponse dispatch(HttpExchange exchange, String method, String rawPath) throws IOException {
    Router.Match match = router.route(method, rawPath);
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw new ApiException(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
    }
    DemoRequest request = new DemoRequest(
        method,
        match.variables(),
        DemoRequest.parseQuery(exchange.getRequestURI().getRawQuery()),
        DemoRequest.mediaType(exchange.getRequestHeaders().getFirst("Content-Type")),
        body);
    return match.handler().handle(request);
  }

  private static void send(HttpExchange exchange, DemoResponse response) {
    try (exchange) {
      byte[] bytes = Json.write(response.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      response.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(response.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // The client went away; nothing left to tell it.
    }
  }

  /**
   * Starts the server from a daemon thread: the JDK server's dispatcher thread inherits the daemon flag of the
   * thread that starts it, and there is no other way to make it a daemon.
   */
  private static void startAsDaemon(HttpServer server) {
    Thread starter = new Thread(server::start, "demo-api-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.stop(0);
      throw new IllegalStateException("interrupted while starting the demo API", e);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "demo-api-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
