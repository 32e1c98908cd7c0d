package dev.openapi2mcp.runtime.transport.http;

import dev.openapi2mcp.runtime.auth.InboundAuth;
import dev.openapi2mcp.runtime.mcp.McpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * MCP over Streamable HTTP on one endpoint, {@code /mcp}, with sessions, GET event streams, protocol-version checks
 * and DNS-rebinding protection (see {@link OriginPolicy}); optionally over HTTPS and with inbound auth of every
 * request (issue 5; see {@link McpEndpoint}); or, with {@link HttpTransportOptions#stateless()}, without sessions, so
 * that replicas behind a load balancer can share the work (issue 5). Beside {@code /mcp} it answers the probes
 * {@code /healthz} and {@code /readyz} (see {@link HealthEndpoints}).
 *
 * <p>Lifecycle: {@link #start()} binds and serves; {@link #close()} turns {@code /readyz} to 503, refuses new MCP
 * requests, ends sessions and their streams, lets in-flight tool calls finish and be answered within the server's
 * grace period, then stops the HTTP server. The transport closes the {@link McpServer} it was given.
 */
public final class StreamableHttpTransport implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(StreamableHttpTransport.class.getName());

  private final McpServer server;
  private final HttpTransportOptions options;
  private final HttpEngine engine;
  private final HttpSessions sessions;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);
  private ScheduledExecutorService maintenance;
  private volatile InetSocketAddress address;
  private volatile InboundAuth auth;

  public StreamableHttpTransport(McpServer server, HttpTransportOptions options) {
    this(server, options, new JettyHttpEngine(options.threads(), options.tls(), options.connectionIdleTimeout(),
        options.maxConnections(), options.maxStreamBacklogBytes()));
  }

  public StreamableHttpTransport(McpServer server, HttpTransportOptions options, HttpEngine engine) {
    this.server = Objects.requireNonNull(server, "server");
    this.options = Objects.requireNonNull(options, "options");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.sessions = new HttpSessions(options.maxSessions(), options.maxSessionsPerPrincipal(),
        options.maxStreamsPerSession(), options.sessionIdleTimeout(), System::nanoTime);
  }

  /**
   * Binds and starts serving.
   *
   * @return the bound address
   * @throws IOException when the address cannot be bound (e.g. the port is taken)
   * @throws IllegalArgumentException when the host is unknown, an allowed origin is malformed or the inbound auth
   *     cannot be built
   */
  public InetSocketAddress start() throws IOException {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("already started");
    }
    InetAddress host = InetAddress.getByName(options.host());
    OriginPolicy policy = new OriginPolicy(options.allowedOrigins(), host.isLoopbackAddress());
    // Requests that arrive between binding and building the auth (which needs the bound port) are refused.
    McpEndpoint endpoint = new McpEndpoint(server, sessions, policy, options.maxBodyBytes(), closing::get,
        () -> auth, options.stateless());
    // The executor and its HTTP client exist before the transport starts, so the server is ready once the auth is
    // built and until it closes.
    HealthEndpoints probes = new HealthEndpoints(() -> auth != null && !closing.get(), endpoint);
    address = engine.start(new InetSocketAddress(host, options.port()), probes);
    try {
      auth = options.auth().create(endpoint());
    } catch (RuntimeException e) {
      engine.stop(Duration.ZERO);
      throw e;
    }
    if (!host.isLoopbackAddress() && !auth.enabled()) {
      LOG.warning("listening on " + options.host() + ", which is not a loopback address, without inbound "
          + "authentication: anyone who can reach this port can call the tools. Configure static tokens or OAuth "
          + "(see docs/security-inbound.md).");
    }
    maintenance = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "mcp-http-keepalive");
      thread.setDaemon(true);
      return thread;
    });
    long interval = options.keepAliveInterval().toMillis();
    maintenance.scheduleWithFixedDelay(this::maintain, interval, interval, TimeUnit.MILLISECONDS);
    return address;
  }

  private void maintain() {
    try {
      sessions.maintain();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "session maintenance failed", e);
    }
  }

  /**
   * The endpoint URL, e.g. {@code http://127.0.0.1:8080/mcp} ({@code https} with TLS); only after
   * {@link #start()}.
   */
  public URI endpoint() {
    if (address == null) {
      throw new IllegalStateException("not started");
    }
    String host = options.host().contains(":") && !options.host().startsWith("[")
        ? "[" + options.host() + "]" : options.host();
    return URI.create((options.tls() != null ? "https://" : "http://") + host + ":" + address.getPort() + McpEndpoint.PATH);
  }

  /** The number of live sessions (for tests and diagnostics). */
  public int sessionCount() {
    return sessions.size();
  }

  /** Stops serving; see the class comment. Idempotent; later calls wait until the first one finished. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitClosedUninterruptibly();
      return;
    }
    try {
      if (maintenance != null) {
        maintenance.shutdownNow();
      }
      sessions.closeAll();
      Duration grace = server.options().shutdownGrace();
      server.close(grace);
      if (started.get()) {
        // In-flight calls were answered above; what is left are idle connections and ended streams.
        engine.stop(Duration.ZERO);
      }
    } finally {
      closed.countDown();
    }
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  private void awaitClosedUninterruptibly() {
    boolean interrupted = false;
    while (true) {
      try {
        closed.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
