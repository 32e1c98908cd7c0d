package dev.openapi2mcp.runtime.http.resilience;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * One {@link CircuitBreaker} per upstream (scheme, host and port) of the client it is installed in (issue 5). It
 * sees every attempt (it sits inside the {@link RetryInterceptor}), so retries count as the failures they are, and
 * a breaker that opens during retries stops them: the refusal is a {@link CircuitOpenException}, which is not
 * retried.
 *
 * <p>Built here rather than taken from resilience4j: its breakers count failure rates over sliding windows, not
 * "N failures in a row", and its refusal does not carry the last failure and the reopening time the message needs;
 * the state machine is small, and the runtime keeps to its two dependencies.
 */
public final class CircuitBreakerInterceptor implements Interceptor {
  private final BreakerPolicy policy;
  private final TimeSource time;
  private final ConcurrentHashMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

  public CircuitBreakerInterceptor(BreakerPolicy policy, TimeSource time) {
    this.policy = policy;
    this.time = time;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    CircuitBreaker breaker = breakerFor(chain.request().url());
    boolean trial = breaker.acquire();
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (CircuitOpenException e) {
      breaker.abandoned(trial);
      throw e;
    } catch (IOException e) {
      if (isTimeout(e) || !chain.call().isCanceled()) {
        breaker.failed(trial, describe(e));
      } else {
        breaker.abandoned(trial);
      }
      throw e;
    } catch (RuntimeException | Error e) {
      breaker.abandoned(trial);
      throw e;
    }
    if (response.code() >= 500) {
      breaker.failed(trial, "HTTP " + response.code());
    } else {
      breaker.succeeded(trial);
    }
    return response;
  }

  /** The state of the breaker of {@code url}'s upstream (for tests). */
  CircuitBreaker.State state(HttpUrl url) {
    return breakerFor(url).state();
  }

  private CircuitBreaker breakerFor(HttpUrl url) {
    String upstream = url.scheme() + "://" + (url.host().contains(":") ? "[" + url.host() + "]" : url.host())
        + ":" + url.port();
    return breakers.computeIfAbsent(upstream, key -> new CircuitBreaker(key, policy, time));
  }

  /** OkHttp's call timeout cancels the call and surfaces as this exact exception. */
  private static boolean isTimeout(IOException e) {
    return e instanceof SocketTimeoutException
        || e instanceof InterruptedIOException && "timeout".equals(e.getMessage());
  }

  private static String describe(IOException e) {
    if (isTimeout(e)) {
      return "timeout";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    return "network error";
  }
}
