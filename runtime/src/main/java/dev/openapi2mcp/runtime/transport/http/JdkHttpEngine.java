package dev.openapi2mcp.runtime.transport.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * {@link HttpEngine} on the JDK's {@code com.sun.net.httpserver}. Requests are handled on a bounded pool; when it is
 * saturated the accepting thread runs the handler itself, which slows accepting down instead of failing. Given a TLS
 * context, it serves HTTPS on the same port ({@code HttpsServer}; issue 5).
 *
 * <p>Not for untrusted networks: the JDK server reads request heads and bodies with blocking reads on its worker
 * threads and event-stream writes block their writer, so clients that send slowly or stop reading can hold every
 * thread. The transport's default is {@link JettyHttpEngine}; this engine stays for embedding and comparison.
 */
public final class JdkHttpEngine implements HttpEngine {
  private static final Logger LOG = Logger.getLogger(JdkHttpEngine.class.getName());

  static {
    enableNoDelay();
  }

  private final int threads;
  private final SSLContext tls;
  private HttpServer server;
  private ThreadPoolExecutor executor;

  /** @param threads the largest number of requests handled at once */
  public JdkHttpEngine(int threads) {
    this(threads, null);
  }

  /**
   * @param threads the largest number of requests handled at once
   * @param tls the server's TLS context for HTTPS, or null for plain HTTP
   */
  public JdkHttpEngine(int threads, SSLContext tls) {
    this.threads = threads;
    this.tls = tls;
  }

  /**
   * Turns on TCP_NODELAY for every JDK HTTP server in this JVM, unless the user set the property. The JDK server
   * writes a response's headers and body in separate writes; with Nagle's algorithm the body then waits for the
   * client's delayed ACK, about 40 ms per response on Linux. The JDK reads the property once, when its first server
   * is created, so call this before creating one (it is idempotent).
   */
  public static void enableNoDelay() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  @Override
  public synchronized InetSocketAddress start(InetSocketAddress address, HttpCallHandler handler) throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    AtomicInteger count = new AtomicInteger();
    executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 4),
        runnable -> {
          Thread thread = new Thread(runnable, "mcp-http-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        new ThreadPoolExecutor.CallerRunsPolicy());
    executor.allowCoreThreadTimeOut(true);
    HttpServer created;
    if (tls != null) {
      HttpsServer https = HttpsServer.create(address, 64);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      created = https;
    } else {
      created = HttpServer.create(address, 64);
    }
    created.setExecutor(executor);
    created.createContext("/", exchange -> {
      JdkCall call = new JdkCall(exchange);
      try {
        handler.handle(call);
      } catch (RuntimeException | Error e) {
        LOG.log(Level.WARNING, "HTTP handler failed", e);
        call.respondIfOpen(500, "{\"jsonrpc\":\"2.0\",\"id\":null,"
            + "\"error\":{\"code\":-32603,\"message\":\"Internal error\"}}");
      }
    });
    created.start();
    server = created;
    return created.getAddress();
  }

  @Override
  public synchronized void stop(Duration grace) {
    if (server == null) {
      return;
    }
    // HttpServer.stop takes whole seconds, and on JDK 17 it waits the whole delay while any connection is open,
    // idle keep-alive ones included; callers that already drained their exchanges pass zero.
    server.stop((int) Math.min(Integer.MAX_VALUE, (grace.toMillis() + 999) / 1000));
    executor.shutdown();
    try {
      executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
    server = null;
  }

  private static final class JdkCall implements HttpCall {
    private final HttpExchange exchange;
    private final AtomicBoolean answered = new AtomicBoolean();

    JdkCall(HttpExchange exchange) {
      this.exchange = exchange;
    }

    @Override
    public String method() {
      return exchange.getRequestMethod();
    }

    @Override
    public String path() {
      return exchange.getRequestURI().getRawPath();
    }

    @Override
    public String header(String name) {
      return exchange.getRequestHeaders().getFirst(name);
    }

    @Override
    public Map<String, List<String>> headers() {
      return exchange.getRequestHeaders();
    }

    @Override
    public String remoteAddress() {
      InetSocketAddress remote = exchange.getRemoteAddress();
      return remote == null ? "unknown" : remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }

    @Override
    public CompletionStage<byte[]> body(int maxBytes) {
      try {
        byte[] bytes = exchange.getRequestBody().readNBytes(maxBytes + 1);
        return CompletableFuture.completedFuture(bytes.length > maxBytes ? null : bytes);
      } catch (IOException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public void respond(int status, Map<String, String> headers, String contentType, byte[] body) {
      if (!answered.compareAndSet(false, true)) {
        throw new IllegalStateException("HTTP call answered twice");
      }
      try {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (contentType != null) {
          exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        if (body == null || body.length == 0) {
          exchange.sendResponseHeaders(status, -1);
        } else {
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
      } catch (IOException e) {
        LOG.fine(() -> "client went away before the response was written: " + e.getClass().getSimpleName());
      } finally {
        exchange.close();
      }
    }

    void respondIfOpen(int status, String jsonBody) {
      if (!answered.get()) {
        try {
          respond(status, Map.of(), "application/json", jsonBody.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalStateException e) {
          // Answered concurrently in the meantime: nothing left to do.
        }
      }
    }

    @Override
    public EventStream openEventStream(Map<String, String> headers) throws IOException {
      if (!answered.compareAndSet(false, true)) {
        throw new IllegalStateException("HTTP call answered twice");
      }
      headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache, no-transform");
      try {
        exchange.sendResponseHeaders(200, 0);
      } catch (IOException e) {
        exchange.close();
        throw e;
      }
      return new JdkEventStream(exchange);
    }
  }

  private static final class JdkEventStream implements EventStream {
    private final HttpExchange exchange;
    private final OutputStream out;
    private boolean closed;

    JdkEventStream(HttpExchange exchange) {
      this.exchange = exchange;
      this.out = exchange.getResponseBody();
    }

    @Override
    public synchronized void write(String text) throws IOException {
      if (closed) {
        throw new IOException("event stream closed");
      }
      try {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        close();
        throw e;
      }
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.close();
      } catch (IOException e) {
        // The client is gone; closing the exchange below releases the connection.
      }
      exchange.close();
    }
  }
}
