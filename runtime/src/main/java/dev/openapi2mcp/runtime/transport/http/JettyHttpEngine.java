package dev.openapi2mcp.runtime.transport.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ServiceLoader;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.helpers.NOP_FallbackServiceProvider;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * {@link HttpEngine} on Jetty's core server (no servlets). Chosen over the JDK's {@code com.sun.net.httpserver}
 * because that one reads each request head with a blocking read on a worker thread, so a few hundred clients that
 * send a byte and stall hold every worker.
 *
 * <p>Invariants: a request head or body is parsed as its bytes arrive, without holding a thread while the client is
 * slow; a connection without traffic for {@code idleTimeout} is closed; at most {@code maxConnections} connections
 * are open (beyond that the server stops accepting until one closes); responses and event streams are written
 * without blocking the writer (see {@link JettyEventStream}). Given a TLS context, it serves HTTPS on the same port.
 */
public final class JettyHttpEngine implements HttpEngine {
  /** Threads Jetty needs besides the request handlers: one acceptor, one selector and a spare. */
  private static final int IO_THREADS = 3;
  private static final int ACCEPT_QUEUE = 1024;

  static {
    silenceMissingSlf4jProvider();
  }

  private final int threads;
  private final SSLContext tls;
  private final Duration idleTimeout;
  private final int maxConnections;
  private final int maxStreamBacklogBytes;
  private Server server;

  /**
   * @param threads the largest number of requests handled at once
   * @param tls the server's TLS context for HTTPS, or null for plain HTTP
   * @param idleTimeout how long a connection may go without reading or writing a byte
   * @param maxConnections the most connections open at once
   * @param maxStreamBacklogBytes how many bytes an event stream may have waiting for a slow client before it is closed
   */
  public JettyHttpEngine(int threads, SSLContext tls, Duration idleTimeout, int maxConnections,
      int maxStreamBacklogBytes) {
    this.threads = threads;
    this.tls = tls;
    this.idleTimeout = idleTimeout;
    this.maxConnections = maxConnections;
    this.maxStreamBacklogBytes = maxStreamBacklogBytes;
  }

  @Override
  public synchronized InetSocketAddress start(InetSocketAddress address, HttpCallHandler handler) throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    QueuedThreadPool pool = new QueuedThreadPool(threads + IO_THREADS, Math.min(threads + IO_THREADS, 4));
    pool.setName("mcp-http");
    pool.setDaemon(true);
    pool.setReservedThreads(0);
    Server created = new Server(pool);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    HttpConnectionFactory http = new HttpConnectionFactory(config);
    ServerConnector connector;
    if (tls != null) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setSslContext(tls);
      connector = new ServerConnector(created, 1, 1, new SslConnectionFactory(ssl, http.getProtocol()), http);
    } else {
      connector = new ServerConnector(created, 1, 1, http);
    }
    connector.setHost(address.getAddress().getHostAddress());
    connector.setPort(address.getPort());
    connector.setIdleTimeout(idleTimeout.toMillis());
    // Room for bursts of new connections while the single acceptor catches up; a full queue drops SYNs, which
    // clients retry only after a second.
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    created.addConnector(connector);
    created.addBean(new NetworkConnectionLimit(maxConnections, connector));
    created.setHandler(new JettyHandler(handler, maxStreamBacklogBytes));
    created.setStopTimeout(0);
    try {
      created.start();
    } catch (IOException e) {
      stopQuietly(created);
      throw e;
    } catch (Exception e) {
      stopQuietly(created);
      throw new IOException("the HTTP server could not start", e);
    }
    server = created;
    return new InetSocketAddress(address.getAddress(), connector.getLocalPort());
  }

  @Override
  public synchronized void stop(Duration grace) {
    if (server == null) {
      return;
    }
    server.setStopTimeout(grace.toMillis());
    stopQuietly(server);
    server = null;
  }

  /**
   * Jetty logs through SLF4J. Without a provider on the class path SLF4J prints a three-line warning on stderr at
   * the first log call; the runtime logs through {@code java.util.logging} and needs none of Jetty's messages, so
   * in that case the no-op provider is named explicitly. A provider the application brings is left alone.
   */
  private static void silenceMissingSlf4jProvider() {
    if (System.getProperty("slf4j.provider") != null
        || ServiceLoader.load(SLF4JServiceProvider.class, JettyHttpEngine.class.getClassLoader()).findFirst()
            .isPresent()) {
      return;
    }
    System.setProperty("slf4j.provider", NOP_FallbackServiceProvider.class.getName());
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      // Else SLF4J reports the explicitly named provider in one line of its own.
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      // Stopping closes every connection; a failure here leaves nothing the caller could do.
    }
  }
}
