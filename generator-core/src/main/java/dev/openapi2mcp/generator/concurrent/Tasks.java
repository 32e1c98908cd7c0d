package dev.openapi2mcp.generator.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waiting for work started on another core (issue 6) as if it had run on this thread: what the task threw comes
 * out as itself, not wrapped, so that callers and tests see the same exceptions either way.
 */
public final class Tasks {
  private Tasks() {}

  /**
   * The task's result.
   *
   * @throws RuntimeException or {@link Error} what the task threw
   * @throws java.util.concurrent.CancellationException when it was cancelled
   */
  public static <T> T join(CompletableFuture<T> task) {
    try {
      return task.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
