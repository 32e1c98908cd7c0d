package dev.openapi2mcp.runtime.cli;

import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.resilience.RateLimit;
import dev.openapi2mcp.runtime.http.resilience.RateLimiter;
import dev.openapi2mcp.runtime.http.resilience.RetryPolicy;
import dev.openapi2mcp.runtime.http.resilience.TimeSource;
import java.time.Duration;
import java.util.Objects;

/**
 * The command-line options of resilience toward the API (docs/resilience.md): timeouts, retries and rate limits,
 * and how long idle connections to it are kept.
 *
 * @param connectTimeout {@code --connect-timeout} (default 10 s)
 * @param readTimeout {@code --read-timeout} (default 60 s)
 * @param callTimeout {@code --call-timeout}, the whole call including retries (default 120 s)
 * @param retries {@code --retries}, retries of idempotent calls after the first attempt (default 2)
 * @param rateLimit {@code --rate-limit}, for all calls together, or null for none
 * @param rateLimitPerSession {@code --rate-limit-per-session}, for each MCP session (or caller), or null for none
 * @param keepAlive {@code --keep-alive}, how long an idle connection to the API is kept (default
 *     {@link ExecutorOptions#DEFAULT_KEEP_ALIVE})
 */
public record ResilienceOptions(
    Duration connectTimeout, Duration readTimeout, Duration callTimeout, int retries, RateLimit rateLimit,
    RateLimit rateLimitPerSession, Duration keepAlive) {

  public ResilienceOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(keepAlive, "keepAlive");
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative, got " + retries);
    }
  }

  /** What a server does without these options. */
  public static ResilienceOptions defaults() {
    ExecutorOptions executor = ExecutorOptions.defaults();
    return new ResilienceOptions(executor.connectTimeout(), executor.readTimeout(), executor.callTimeout(),
        RetryPolicy.DEFAULT_RETRIES, null, null, executor.keepAlive());
  }

  /** {@code options} with these timeouts, retries and keep-alive. */
  public ExecutorOptions applyTo(ExecutorOptions options) {
    return options.withTimeouts(connectTimeout, readTimeout, callTimeout).withKeepAlive(keepAlive)
        .withResilience(options.resilience().withRetry(options.resilience().retry().withMaxRetries(retries)));
  }

  /** The rate limiter these options ask for, or null when there is no rate limit. */
  public RateLimiter rateLimiter(TimeSource time) {
    return rateLimit == null && rateLimitPerSession == null ? null
        : new RateLimiter(rateLimit, rateLimitPerSession, time);
  }

  ResilienceOptions withConnectTimeout(Duration value) {
    return new ResilienceOptions(value, readTimeout, callTimeout, retries, rateLimit, rateLimitPerSession, keepAlive);
  }

  ResilienceOptions withReadTimeout(Duration value) {
    return new ResilienceOptions(connectTimeout, value, callTimeout, retries, rateLimit, rateLimitPerSession,
        keepAlive);
  }

  ResilienceOptions withCallTimeout(Duration value) {
    return new ResilienceOptions(connectTimeout, readTimeout, value, retries, rateLimit, rateLimitPerSession,
        keepAlive);
  }

  ResilienceOptions withRetries(int value) {
    return new ResilienceOptions(connectTimeout, readTimeout, callTimeout, value, rateLimit, rateLimitPerSession,
        keepAlive);
  }

  ResilienceOptions withRateLimit(RateLimit value) {
    return new ResilienceOptions(connectTimeout, readTimeout, callTimeout, retries, value, rateLimitPerSession,
        keepAlive);
  }

  ResilienceOptions withRateLimitPerSession(RateLimit value) {
    return new ResilienceOptions(connectTimeout, readTimeout, callTimeout, retries, rateLimit, value, keepAlive);
  }

  ResilienceOptions withKeepAlive(Duration value) {
    return new ResilienceOptions(connectTimeout, readTimeout, callTimeout, retries, rateLimit, rateLimitPerSession,
        value);
  }
}
