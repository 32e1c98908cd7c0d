package dev.openapi2mcp.runtime.http.resilience;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends a request once more, at once, when {@link StaleConnectionGuard} found its pooled connection closed by the
 * API in a way that shows the request had no effect. The guard closed that connection, and the other idle ones of
 * the pool are closed too (they have been idle as long, so the API has most likely closed them as well): the second
 * attempt takes a fresh connection. This retry does not count against {@code --retries}, waits no backoff and is
 * made for every method: it repeats nothing the API acted on. At most one such retry is made per attempt, so a
 * server that closes every connection cannot loop it.
 */
public final class FreshConnectionRetry implements Interceptor {
  private static final Logger LOG = Logger.getLogger(FreshConnectionRetry.class.getName());

  private final ConnectionPool pool;

  /** @param pool the client's connection pool, whose idle connections are closed when one turned out stale */
  public FreshConnectionRetry(ConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    try {
      return chain.proceed(request);
    } catch (StaleConnectionException e) {
      if (chain.call().isCanceled()) {
        throw e;
      }
      // Never the full URL in a message: its query may hold an API key.
      LOG.log(Level.FINE, () -> "sending " + request.method() + " on " + request.url().host()
          + " again on a fresh connection: " + e.getMessage());
      pool.evictAll();
      return chain.proceed(request);
    }
  }
}
