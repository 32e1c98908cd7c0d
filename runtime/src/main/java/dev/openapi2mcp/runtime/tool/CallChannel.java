package dev.openapi2mcp.runtime.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.mcp.LogLevel;

/**
 * What a running tool call can say to, and hear from, the client that made it (issue 5, long calls): whether the
 * client cancelled it, progress for a client that asked for it, and log messages at or above the client's level.
 *
 * <p>Invariants: every method is safe from any thread and never throws for delivery problems; once the call's
 * result exists, progress and log messages are dropped (nothing follows the final result); {@link #onCancel} actions
 * run at most once, on the thread that cancels, or at once when the call is already cancelled.
 */
public interface CallChannel {

  /** A channel for calls with no client behind them (tests, direct use): never cancelled, says nothing. */
  CallChannel NONE = new CallChannel() {
    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public Registration onCancel(Runnable action) {
      return () -> {};
    }

    @Override
    public void progress(double progress, Double total, String message) {}

    @Override
    public void log(LogLevel level, String logger, JsonNode data) {}
  };

  /** Whether the client sent {@code notifications/cancelled} for this call. */
  boolean isCancelled();

  /**
   * Runs {@code action} when the client cancels the call (at once when it already did). Closing the returned
   * handle unregisters the action, e.g. once the work it would abort is over.
   */
  Registration onCancel(Runnable action);

  /** An action registered with {@link #onCancel}; closing it unregisters the action. */
  @FunctionalInterface
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Reports progress when the client sent a {@code progressToken}; otherwise does nothing. A value that does not
   * exceed the previous one is dropped, since MCP requires progress to increase.
   *
   * @param total the value {@code progress} reaches at the end, or null when unknown
   * @param message a short human-readable status, or null; must hold no secret
   */
  void progress(double progress, Double total, String message);

  /**
   * Sends {@code notifications/message} when the client asked for messages at this level with
   * {@code logging/setLevel}. The caller keeps credentials out of {@code data}.
   *
   * @param logger the logger name shown to the client, or null
   */
  void log(LogLevel level, String logger, JsonNode data);
}
