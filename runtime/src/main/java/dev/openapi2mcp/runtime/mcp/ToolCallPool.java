package dev.openapi2mcp.runtime.mcp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The bounded worker pool tool calls run on, so that a transport keeps reading while calls are in flight. A call
 * beyond the pool's threads and queue is refused rather than queued without limit.
 */
final class ToolCallPool {
  private final ThreadPoolExecutor executor;

  ToolCallPool(int threads, int queueCapacity) {
    BlockingQueue<Runnable> queue =
        queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity);
    AtomicInteger count = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, queue, runnable -> {
      Thread thread = new Thread(runnable, "mcp-tool-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    executor.allowCoreThreadTimeOut(true);
  }

  /**
   * Runs the work on the pool.
   *
   * @throws JsonRpcException when the pool is full or shut down
   */
  <T> CompletableFuture<T> submit(Supplier<T> work, Supplier<T> onAbandon) throws JsonRpcException {
    Task<T> task = new Task<>(work, onAbandon);
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      throw new JsonRpcException(
          JsonRpcException.INTERNAL_ERROR,
          executor.isShutdown()
              ? "Server is shutting down: the call was not started"
              : "Server busy: too many tool calls in progress; retry later",
          null);
    }
    return task.future;
  }

  /**
   * Stops taking calls and waits up to {@code grace} for running ones; calls still queued then are answered with
   * their {@code onAbandon} result and running ones are interrupted.
   *
   * @return whether every call finished within the grace period
   */
  boolean shutdown(Duration grace) {
    executor.shutdown();
    try {
      if (executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Runnable> abandoned = executor.shutdownNow();
    abandoned.forEach(r -> ((Task<?>) r).abandon());
    return false;
  }

  private static final class Task<T> implements Runnable {
    private final Supplier<T> work;
    private final Supplier<T> onAbandon;
    private final CompletableFuture<T> future = new CompletableFuture<>();

    Task(Supplier<T> work, Supplier<T> onAbandon) {
      this.work = work;
      this.onAbandon = onAbandon;
    }

    @Override
    public void run() {
      try {
        future.complete(work.get());
      } catch (RuntimeException | Error e) {
        future.completeExceptionally(e);
      }
    }

    void abandon() {
      future.complete(onAbandon.get());
    }
  }
}
