package dev.openapi2mcp.runtime.transport.http;

import dev.openapi2mcp.runtime.auth.InboundAuthFactory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Settings of the Streamable HTTP transport.
 *
 * @param host the address to bind; loopback by default, so that only this machine can connect
 * @param port the port; 0 picks a free one
 * @param allowedOrigins origins ({@code scheme://host[:port]}) allowed besides loopback ones
 * @param maxBodyBytes the largest POST body accepted
 * @param sessionIdleTimeout how long a session lives without requests; an open GET stream does not keep it alive
 * @param maxSessions how many sessions may exist at once
 * @param maxSessionsPerPrincipal how many of them one principal (or, without inbound auth, one remote address) may
 *     hold; a principal at its cap gets 429 for a new one, so that one client cannot take every session
 * @param maxStreamsPerSession how many GET event streams one session may hold open
 * @param keepAliveInterval how often open event streams get a comment line, which also detects gone clients
 * @param threads the HTTP worker threads
 * @param tls the server's TLS context for HTTPS on its own port, or null for plain HTTP (issue 5)
 * @param auth builds the inbound auth of every request once the endpoint URL is known (issue 5)
 * @param stateless whether every POST is served on its own, without sessions, so that any replica behind a load
 *     balancer can answer any request (issue 5); GET streams and DELETE are then refused with 405
 * @param connectionIdleTimeout how long a connection may go without a byte read or written before it is closed,
 *     which also bounds how long a stalled request head, body or stream write can hold it; longer than
 *     {@code keepAliveInterval}, whose comments keep quiet event streams open
 * @param maxConnections how many connections may be open at once; beyond that new ones wait to be accepted
 * @param maxStreamBacklogBytes how many bytes an event stream may have waiting for a client that does not read
 *     before the stream is dropped
 */
public record HttpTransportOptions(
    String host,
    int port,
    List<String> allowedOrigins,
    int maxBodyBytes,
    Duration sessionIdleTimeout,
    int maxSessions,
    int maxSessionsPerPrincipal,
    int maxStreamsPerSession,
    Duration keepAliveInterval,
    int threads,
    SSLContext tls,
    InboundAuthFactory auth,
    boolean stateless,
    Duration connectionIdleTimeout,
    int maxConnections,
    int maxStreamBacklogBytes) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_MAX_SESSIONS_PER_PRINCIPAL = 100;

  public HttpTransportOptions {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    allowedOrigins = List.copyOf(allowedOrigins);
    positive("maxBodyBytes", maxBodyBytes);
    positive("maxSessions", maxSessions);
    positive("maxSessionsPerPrincipal", maxSessionsPerPrincipal);
    positive("maxStreamsPerSession", maxStreamsPerSession);
    positive("threads", threads);
    positive("maxConnections", maxConnections);
    positive("maxStreamBacklogBytes", maxStreamBacklogBytes);
    Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
    Objects.requireNonNull(connectionIdleTimeout, "connectionIdleTimeout");
    Objects.requireNonNull(auth, "auth");
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }

  public static HttpTransportOptions defaults() {
    return new HttpTransportOptions(DEFAULT_HOST, DEFAULT_PORT, List.of(), 4 * 1024 * 1024,
        Duration.ofMinutes(30), 1000, DEFAULT_MAX_SESSIONS_PER_PRINCIPAL, 8, Duration.ofSeconds(15), 16, null,
        InboundAuthFactory.NONE, false, Duration.ofSeconds(60), 2000, 1024 * 1024);
  }

  public HttpTransportOptions withHost(String value) {
    return new HttpTransportOptions(value, port, allowedOrigins, maxBodyBytes, sessionIdleTimeout, maxSessions,
        maxSessionsPerPrincipal, maxStreamsPerSession, keepAliveInterval, threads, tls, auth, stateless,
        connectionIdleTimeout, maxConnections, maxStreamBacklogBytes);
  }

  public HttpTransportOptions withPort(int value) {
    return new HttpTransportOptions(host, value, allowedOrigins, maxBodyBytes, sessionIdleTimeout, maxSessions,
        maxSessionsPerPrincipal, maxStreamsPerSession, keepAliveInterval, threads, tls, auth, stateless,
        connectionIdleTimeout, maxConnections, maxStreamBacklogBytes);
  }

  public HttpTransportOptions withAllowedOrigins(List<String> value) {
    return new HttpTransportOptions(host, port, value, maxBodyBytes, sessionIdleTimeout, maxSessions,
        maxSessionsPerPrincipal, maxStreamsPerSession, keepAliveInterval, threads, tls, auth, stateless,
        connectionIdleTimeout, maxConnections, maxStreamBacklogBytes);
  }

  public HttpTransportOptions withMaxBodyBytes(int value) {
    return new HttpTransportOptions(host, port, allowedOrigins, value, sessionIdleTimeout, maxSessions,
        maxSessionsPerPrincipal, maxStreamsPerSession, keepAliveInterval, threads, tls, auth, stateless,
        connectionIdleTimeout, maxConnections, maxStreamBacklogBytes);
  }

  public HttpTransportOptions withSessionIdleTimeout(Duration value) {
    return new HttpTransportOptions(host, port, allowedOrigins, maxBodyBytes, value, maxSessions,
        maxSessionsPerPrincipal, maxStreamsPerSession, keepAliveInterval, threads, tls, auth, stateless,
        connectionIdleTimeout, maxConnections, maxStreamBacklogBytes);
  }

  public HttpTransportOptions withMaxSessions(int value) {
    return new HttpTransportOptions(host, port, allowedOrigins, maxBodyBytes, sessionIdleTimeout, value,
        maxSessionsPerPrincipal, maxStreamsPerSession, keepAliveInterval, threads, tls, auth, stateless,
        connectionIdleTimeout, maxConnections, maxStreamBacklogBytes);
  }

  public HttpTransportOptions withMaxSessionsPerPrincipal(int value) {
    return new HttpTransportOptions(host, port, allowedOrigins, maxBodyBytes, sessionIdleTimeout, maxSessions, value,
        maxStreamsPerSession, keepAliveInterval, threads, tls, auth, stateless, connectionIdleTimeout, maxConnections,
        maxStreamBacklogBytes);
  }

  public HttpTransportOptions withMaxStreamsPerSession(int value) {
    return new HttpTransportOptions(host, port, allowedOrigins, maxBodyBytes, sessionIdleTimeout, maxSessions,
        maxSessionsPerPrincipal, value, keepAliveInterval, threads, tls, auth, stateless, connectionIdleTimeout,
        maxConnections, maxStreamBacklogBytes);
  }

  public HttpTransportOptions withKeepAliveInterval(Duration value) {
    return new HttpTransportOptions(host, port, allowedOrigins, maxBodyBytes, sessionIdleTimeout, maxSessions,
        maxSessionsPerPrincipal, maxStreamsPerSession, value, threads, tls, auth, stateless, connectionIdleTimeout,
        maxConnections, maxStreamBacklogBytes);
  }

  public HttpTransportOptions withThreads(int value) {
    return new HttpTransportOptions(host, port, allowedOrigins, maxBodyBytes, sessionIdleTimeout, maxSessions,
        maxSessionsPerPrincipal, maxStreamsPerSession, keepAliveInterval, value, tls, auth, stateless,
        connectionIdleTimeout, maxConnections, maxStreamBacklogBytes);
  }

  /** The same options serving HTTPS with this TLS context (null: plain HTTP). */
  public HttpTransportOptions withTls(SSLContext value) {
    return new HttpTransportOptions(host, port, allowedOrigins, maxBodyBytes, sessionIdleTimeout, maxSessions,
        maxSessionsPerPrincipal, maxStreamsPerSession, keepAliveInterval, threads, value, auth, stateless,
        connectionIdleTimeout, maxConnections, maxStreamBacklogBytes);
  }

  /** The same options with this inbound auth. */
  public HttpTransportOptions withAuth(InboundAuthFactory value) {
    return new HttpTransportOptions(host, port, allowedOrigins, maxBodyBytes, sessionIdleTimeout, maxSessions,
        maxSessionsPerPrincipal, maxStreamsPerSession, keepAliveInterval, threads, tls, value, stateless,
        connectionIdleTimeout, maxConnections, maxStreamBacklogBytes);
  }

  /** The same options serving every POST without sessions (true) or with them (false). */
  public HttpTransportOptions withStateless(boolean value) {
    return new HttpTransportOptions(host, port, allowedOrigins, maxBodyBytes, sessionIdleTimeout, maxSessions,
        maxSessionsPerPrincipal, maxStreamsPerSession, keepAliveInterval, threads, tls, auth, value,
        connectionIdleTimeout, maxConnections, maxStreamBacklogBytes);
  }

  public HttpTransportOptions withConnectionIdleTimeout(Duration value) {
    return new HttpTransportOptions(host, port, allowedOrigins, maxBodyBytes, sessionIdleTimeout, maxSessions,
        maxSessionsPerPrincipal, maxStreamsPerSession, keepAliveInterval, threads, tls, auth, stateless, value,
        maxConnections, maxStreamBacklogBytes);
  }

  public HttpTransportOptions withMaxConnections(int value) {
    return new HttpTransportOptions(host, port, allowedOrigins, maxBodyBytes, sessionIdleTimeout, maxSessions,
        maxSessionsPerPrincipal, maxStreamsPerSession, keepAliveInterval, threads, tls, auth, stateless,
        connectionIdleTimeout, value, maxStreamBacklogBytes);
  }

  public HttpTransportOptions withMaxStreamBacklogBytes(int value) {
    return new HttpTransportOptions(host, port, allowedOrigins, maxBodyBytes, sessionIdleTimeout, maxSessions,
        maxSessionsPerPrincipal, maxStreamsPerSession, keepAliveInterval, threads, tls, auth, stateless,
        connectionIdleTimeout, maxConnections, value);
  }
}
