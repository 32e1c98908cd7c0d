package dev.openapi2mcp.runtime.http.resilience;

/**
 * What the {@link RetryInterceptor} did for one call (issue 5): attached to the request as a tag by the caller,
 * filled in by the interceptor, read by the caller once the call has ended.
 *
 * <p>Invariant: {@link #summary()} is null unless there is something the user must know: that retrying was given
 * up (then {@link #gaveUp()} is true), or that the API asked to retry later although the call was not retried.
 * Summaries never contain credentials: they name the request only by the description given here.
 */
public final class RetryRecord {
  private final String description;
  private volatile int attempts;
  private volatile boolean gaveUp;
  private volatile String summary;

  /** @param description the request as it may be shown, e.g. {@code GET /v2/pet/1} with secrets redacted */
  public RetryRecord(String description) {
    this.description = description;
  }

  /** The request as it may be shown. */
  public String description() {
    return description;
  }

  /** How many times the request was sent (or tried to connect); 0 before the call. */
  public int attempts() {
    return attempts;
  }

  /** Whether the call ended with a retryable failure that was not retried further. */
  public boolean gaveUp() {
    return gaveUp;
  }

  /** One or two sentences for the result: what happened and when to retry; null when there is nothing to say. */
  public String summary() {
    return summary;
  }

  void attempted() {
    attempts++;
  }

  void gaveUp(String text) {
    gaveUp = true;
    summary = text;
  }

  void note(String text) {
    summary = text;
  }
}
