package dev.openapi2mcp.runtime.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.openapi2mcp.runtime.transport.http.JdkHttpEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast API on loopback for load and shutdown tests (issue 5): {@code GET /v1/items/{id}} answers
 * {@code {"id":"<id>"}}, so that each response can be checked against its own request. With {@code ?hold=true} the
 * answer waits until {@link #release()}, so that a test knows exactly which calls are in flight.
 */
final class ItemsApi implements AutoCloseable {
  private static final String PREFIX = "/v1/items/";

  private final HttpServer server;
  private final ExecutorService threads;
  private final CountDownLatch gate = new CountDownLatch(1);
  private final Semaphore held = new Semaphore(0);
  private final AtomicInteger requests = new AtomicInteger();

  ItemsApi() throws IOException {
    // Without TCP_NODELAY the JDK server's separate writes of head and body meet delayed ACKs: 40 ms a call.
    JdkHttpEngine.enableNoDelay();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    threads = Executors.newFixedThreadPool(32, runnable -> {
      Thread thread = new Thread(runnable, "items-api");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    server.createContext("/v1/items", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  int requests() {
    return requests.get();
  }

  /** Waits until {@code count} held requests have arrived. */
  boolean awaitHeld(int count, long seconds) throws InterruptedException {
    if (!held.tryAcquire(count, seconds, TimeUnit.SECONDS)) {
      return false;
    }
    held.release(count);
    return true;
  }

  /** Lets every held request, and all later ones, answer. */
  void release() {
    gate.countDown();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      if (!path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if ("hold=true".equals(query)) {
        held.release();
        if (!gate.await(30, TimeUnit.SECONDS)) {
          exchange.sendResponseHeaders(504, -1);
          return;
        }
      }
      String id = URLDecoder.decode(path.substring(PREFIX.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
      byte[] body = ("{\"id\":\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    gate.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
