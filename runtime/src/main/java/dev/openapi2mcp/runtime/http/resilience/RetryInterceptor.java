package dev.openapi2mcp.runtime.http.resilience;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries calls to the API (issue 5), as an OkHttp application interceptor, so that the call timeout spans all
 * attempts and the waits between them.
 *
 * <p>Only idempotent methods are retried: GET, HEAD, OPTIONS, TRACE, PUT and DELETE (RFC 9110, section 9.2.2). A
 * POST or PATCH may have taken effect even when the answer is 503 or the connection dropped, and repeating it could
 * order twice; an operation that is idempotent in fact is still not retried, since the HTTP method is the only
 * promise the server made. A request body must be replayable ({@code isOneShot() == false}).
 *
 * <p>Retried: failures to connect (refused, no route, connect timeout) and the answers 429, 502, 503 and 504. The
 * wait is the answer's {@code Retry-After} when it has one, otherwise full-jitter exponential backoff
 * ({@link RetryPolicy}). Never waited: a {@code Retry-After} longer than {@link RetryPolicy#maxRetryAfter()}, or any
 * wait that would pass the call timeout; the call then ends with the last answer and the {@link RetryRecord} says
 * when to retry. Each retry is logged (method, path with secrets redacted, reason, wait).
 */
public final class RetryInterceptor implements Interceptor {
  private static final Logger LOG = Logger.getLogger(RetryInterceptor.class.getName());
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);

  private final RetryPolicy policy;
  private final TimeSource time;
  private final RandomGenerator random;

  public RetryInterceptor(RetryPolicy policy, TimeSource time, RandomGenerator random) {
    this.policy = policy;
    this.time = time;
    this.random = random;
  }

  /** Whether a request with this method may be repeated without changing the effect (RFC 9110). */
  public static boolean isIdempotent(String method) {
    return IDEMPOTENT.contains(method.toUpperCase(Locale.ROOT));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RetryRecord tagged = request.tag(RetryRecord.class);
    // Never the full URL in a message: its query may hold an API key.
    RetryRecord record = tagged != null ? tagged : new RetryRecord(request.method() + " on " + request.url().host());
    String notRetried = whyNotRetried(request);
    long timeoutNanos = chain.call().timeout().timeoutNanos();
    long started = time.nanoTime();
    for (int attempt = 1; ; attempt++) {
      record.attempted();
      Response response = null;
      IOException failure = null;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (!isConnectFailure(e) || chain.call().isCanceled()) {
          throw e;
        }
        failure = e;
      }
      Instant now = time.now();
      Duration retryAfter = response == null ? null : RetryAfter.parse(response.header("Retry-After"), now);
      if (response != null && !RETRYABLE_STATUS.contains(response.code())) {
        return response;
      }
      String last = response != null ? "HTTP " + response.code() : shortly(failure);
      if (notRetried != null) {
        if (retryAfter != null) {
          record.note("The API asks to retry after " + Durations.format(retryAfter) + " (at " + now.plus(retryAfter)
              + "); " + notRetried + ".");
        }
        return finish(response, failure);
      }
      if (attempt > policy.maxRetries()) {
        Duration next = retryAfter != null ? retryAfter : policy.backoffCap(attempt);
        record.gaveUp("Gave up after " + attempts(attempt) + " (last: " + last + "); retry in about "
            + Durations.format(next) + ".");
        return finish(response, failure);
      }
      if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
        record.gaveUp("The API asked to wait " + Durations.format(retryAfter) + " (Retry-After) after "
            + attempts(attempt) + " (last: " + last + "), longer than the " + Durations.format(policy.maxRetryAfter())
            + " this server waits within one call; retry after " + now.plus(retryAfter) + ".");
        return finish(response, failure);
      }
      Duration wait = retryAfter != null ? retryAfter : jittered(policy.backoffCap(attempt));
      long elapsed = time.nanoTime() - started;
      if (timeoutNanos > 0 && elapsed + wait.toNanos() >= timeoutNanos) {
        record.gaveUp("Gave up after " + attempts(attempt) + " (last: " + last + "): waiting "
            + Durations.format(wait) + " for another would pass the call timeout of "
            + Durations.format(Duration.ofNanos(timeoutNanos)) + "; retry in about " + Durations.format(wait) + ".");
        return finish(response, failure);
      }
      if (response != null) {
        response.close();
      }
      int next = attempt + 1;
      LOG.log(Level.INFO, () -> "retrying " + record.description() + " after " + last + " in "
          + Durations.format(wait) + " (attempt " + next + " of " + (policy.maxRetries() + 1) + ")");
      pause(chain, wait);
    }
  }

  /** Null when the request may be retried; otherwise the reason, as a clause for the result. */
  private String whyNotRetried(Request request) {
    if (!isIdempotent(request.method())) {
      return request.method() + " is not idempotent, so it is not retried automatically";
    }
    if (request.body() != null && request.body().isOneShot()) {
      return "its request body cannot be sent twice, so it is not retried automatically";
    }
    if (policy.maxRetries() == 0) {
      return "automatic retries are off (--retries 0)";
    }
    return null;
  }

  private static Response finish(Response response, IOException failure) throws IOException {
    if (response == null) {
      throw failure;
    }
    return response;
  }

  private Duration jittered(Duration cap) {
    long nanos = cap.toNanos();
    return nanos == 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(nanos + 1));
  }

  private void pause(Chain chain, Duration wait) throws IOException {
    try {
      time.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
    if (chain.call().isCanceled()) {
      throw new IOException("Canceled");
    }
  }

  private static String attempts(int count) {
    return count == 1 ? "1 attempt" : count + " attempts";
  }

  static boolean isConnectFailure(IOException failure) {
    if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
      return true;
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
    return failure instanceof SocketTimeoutException && message.contains("connect");
  }

  private static String shortly(IOException failure) {
    if (failure instanceof SocketTimeoutException) {
      return "connect timeout";
    }
    return failure instanceof NoRouteToHostException ? "no route to host" : "connection refused";
  }
}
