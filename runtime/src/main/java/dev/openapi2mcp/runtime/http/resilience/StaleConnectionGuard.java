package dev.openapi2mcp.runtime.http.resilience;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Tells a pooled HTTP/1.x connection that the API has closed from a failure of the API, as an OkHttp network
 * interceptor: it throws {@link StaleConnectionException} only when the request certainly had no effect, and
 * {@link FreshConnectionRetry} then sends it once more on a new connection.
 *
 * <p>Servers close idle keep-alive connections after a few seconds (Apache httpd and Node.js after 5 s). A
 * connection closed that way still looks open in the pool; a request written into it reaches the client's socket
 * buffer and the failure shows only when the answer is read ("unexpected end of stream"), which looks the same as a
 * server that read the request, acted on it and then died. Two cases are told apart without guessing:
 *
 * <ul>
 *   <li>Before a request is written into a connection that served an earlier request and has been idle for at least
 *       {@value #PROBE_AFTER_IDLE_MILLIS} ms, the socket is read for at most 1 ms. An idle HTTP/1.1 connection
 *       carries no byte from the server, so end of stream, a reset, or any byte at all means the server is done with it (some servers send an unsolicited 408 before closing). Nothing
 *       of the request was written: the connection is closed and the request may be sent again whatever its
 *       method. OkHttp makes the same check itself only for connections idle longer than 10 s. A connection used
 *       more recently is not read: the read costs its full millisecond whenever the connection is healthy, which
 *       would more than double what a call adds on a busy server, while a server that closes connections does so
 *       after seconds of idleness, or at once after an answer (its close then arrives long before the next call of
 *       an agent).</li>
 *   <li>If the server closed the connection while the request was on its way, the request did reach the socket of
 *       the API. Only a request that RFC 9110 (section 9.2.2) calls idempotent, with a body that can be sent twice,
 *       is then sent again when the connection ended before the answer's headers arrived; RFC 9112, section 9.3.1
 *       allows exactly that. A POST or PATCH is never sent again: it may have taken effect.</li>
 * </ul>
 *
 * <p>HTTP/2 connections are not checked: OkHttp reads their frames itself and fails over on a GOAWAY.
 */
public final class StaleConnectionGuard implements Interceptor {
  private static final int PROBE_MILLIS = 1;
  static final long PROBE_AFTER_IDLE_MILLIS = 10;

  /**
   * When each connection that carried a request through this guard last had an answer ({@link System#nanoTime()}):
   * only those can have gone stale in the pool.
   */
  private final Map<Connection, Long> answered = Collections.synchronizedMap(new WeakHashMap<>());

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Connection connection = chain.connection();
    boolean http1 = connection != null && connection.protocol() != Protocol.HTTP_2
        && connection.protocol() != Protocol.H2_PRIOR_KNOWLEDGE;
    Long lastAnswer = http1 ? answered.get(connection) : null;
    boolean reused = lastAnswer != null;
    if (reused && System.nanoTime() - lastAnswer >= TimeUnit.MILLISECONDS.toNanos(PROBE_AFTER_IDLE_MILLIS)) {
      IOException closed = closedByPeer(connection.socket());
      if (closed != null) {
        connection.socket().close();
        throw new StaleConnectionException("the API had closed the idle connection before the request was sent",
            closed);
      }
    }
    try {
      Response response = chain.proceed(request);
      if (http1) {
        answered.put(connection, System.nanoTime());
      }
      return response;
    } catch (IOException e) {
      if (reused && endedBeforeAnswer(e) && RetryInterceptor.isIdempotent(request.method())
          && (request.body() == null || !request.body().isOneShot()) && !chain.call().isCanceled()) {
        connection.socket().close();
        throw new StaleConnectionException("the API closed the pooled connection before answering", e);
      }
      throw e;
    }
  }

  /** Null while the idle socket is usable; otherwise what shows that the server has closed it. */
  private static IOException closedByPeer(Socket socket) {
    try {
      int timeout = socket.getSoTimeout();
      try {
        socket.setSoTimeout(PROBE_MILLIS);
        InputStream in = socket.getInputStream();
        int read = in.read();
        return read < 0 ? new EOFException("end of stream on an idle connection")
            : new IOException("unsolicited data on an idle connection");
      } finally {
        if (!socket.isClosed()) {
          socket.setSoTimeout(timeout);
        }
      }
    } catch (SocketTimeoutException quiet) {
      return null;
    } catch (IOException e) {
      return e;
    }
  }

  /** Whether the connection ended (end of stream or reset) where the status line of the answer was awaited. */
  private static boolean endedBeforeAnswer(IOException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof EOFException || cause instanceof SocketException) {
        return true;
      }
    }
    String message = failure.getMessage();
    return message != null && message.startsWith("unexpected end of stream");
  }
}
