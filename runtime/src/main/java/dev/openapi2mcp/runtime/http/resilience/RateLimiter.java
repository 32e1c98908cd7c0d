package dev.openapi2mcp.runtime.http.resilience;

import dev.openapi2mcp.runtime.tool.CallContext;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rate limits of issue 5: one token bucket for all calls of the server and one per session, each optional.
 * A call is admitted only when both have a token; a call refused by the global bucket gives its session token back,
 * so refused calls never count against a session.
 *
 * <p>The session key is {@link CallContext#sessionId()}, or {@link CallContext#caller()} when there is no session
 * (stdio, stateless HTTP). Buckets of sessions that have been quiet long enough to refill are dropped, which changes
 * nothing since a full bucket is what a new session gets. Thread-safe.
 */
public final class RateLimiter {
  private static final int SWEEP_ABOVE = 1024;

  private final RateLimit global;
  private final RateLimit perSession;
  private final TimeSource time;
  private final TokenBucket globalBucket;
  private final ConcurrentHashMap<String, TokenBucket> sessions = new ConcurrentHashMap<>();
  private final AtomicLong admissions = new AtomicLong();

  /**
   * @param global the limit for all calls together, or null for none
   * @param perSession the limit for each session (or caller), or null for none
   */
  public RateLimiter(RateLimit global, RateLimit perSession, TimeSource time) {
    this.global = global;
    this.perSession = perSession;
    this.time = time;
    this.globalBucket = global == null ? null : new TokenBucket(global, time.nanoTime());
  }

  /** Why a call was refused and when a call will be admitted again. */
  public record Refusal(String message, Duration retryIn) {}

  /**
   * Takes a token for the call from each bucket that applies.
   *
   * @return null when the call may go ahead, else the refusal (no token is then held)
   */
  public Refusal admit(CallContext context) {
    long now = time.nanoTime();
    String key = sessionKey(context);
    if (perSession != null) {
      long[] wait = new long[1];
      sessions.compute(key, (k, bucket) -> {
        TokenBucket b = bucket != null ? bucket : new TokenBucket(perSession, now);
        wait[0] = b.tryTake(now);
        return b;
      });
      sweepNow(now);
      if (wait[0] > 0) {
        return refusal(perSession, "per session", wait[0]);
      }
    }
    if (globalBucket != null) {
      long wait = globalBucket.tryTake(now);
      if (wait > 0) {
        if (perSession != null) {
          sessions.computeIfPresent(key, (k, bucket) -> {
            bucket.giveBack(now);
            return bucket;
          });
        }
        return refusal(global, "for this server (all sessions together)", wait);
      }
    }
    return null;
  }

  /** How many sessions have a bucket of their own now (for tests and monitoring). */
  int trackedSessions() {
    return sessions.size();
  }

  private void sweepNow(long now) {
    if (sessions.size() > SWEEP_ABOVE && admissions.incrementAndGet() % SWEEP_ABOVE == 0) {
      for (String key : sessions.keySet()) {
        sessions.computeIfPresent(key, (k, bucket) -> bucket.isFull(now) ? null : bucket);
      }
    }
  }

  private static Refusal refusal(RateLimit limit, String scope, long waitNanos) {
    Duration wait = Duration.ofNanos(waitNanos);
    return new Refusal("Rate limit of " + limit.describe() + " " + scope + " exceeded; retry in "
        + Durations.format(wait) + ". No request was sent to the API.", wait);
  }

  private static String sessionKey(CallContext context) {
    if (context == null) {
      return "";
    }
    if (context.sessionId() != null) {
      return "session " + context.sessionId();
    }
    return context.caller() != null ? "caller " + context.caller() : "";
  }
}
