package dev.openapi2mcp.runtime.mcp;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the protocol core.
 *
 * @param pageSize how many tools one {@code tools/list} page holds
 * @param toolThreads how many tool calls run at once
 * @param maxQueuedCalls how many further calls may wait; beyond that a call is refused as busy
 * @param shutdownGrace how long closing waits for running calls
 * @param confirmDestructive whether destructive tools run only after the user confirmed them through elicitation
 *     ({@code --confirm-destructive}, issue 5; default off)
 * @param elicitationTimeout how long a call waits for the client's answer to {@code elicitation/create}
 *     ({@code --confirm-timeout}; default 5 minutes: a person reads and answers it)
 */
public record McpServerOptions(int pageSize, int toolThreads, int maxQueuedCalls, Duration shutdownGrace,
    boolean confirmDestructive, Duration elicitationTimeout) {

  public static final Duration DEFAULT_ELICITATION_TIMEOUT = Duration.ofMinutes(5);

  public McpServerOptions {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
    }
    if (toolThreads < 1) {
      throw new IllegalArgumentException("toolThreads must be at least 1, was " + toolThreads);
    }
    if (maxQueuedCalls < 0) {
      throw new IllegalArgumentException("maxQueuedCalls must not be negative, was " + maxQueuedCalls);
    }
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(elicitationTimeout, "elicitationTimeout");
    if (elicitationTimeout.isNegative() || elicitationTimeout.isZero()) {
      throw new IllegalArgumentException("elicitationTimeout must be positive, was " + elicitationTimeout);
    }
  }

  /** Without destructive confirmation, with the default elicitation timeout. */
  public McpServerOptions(int pageSize, int toolThreads, int maxQueuedCalls, Duration shutdownGrace) {
    this(pageSize, toolThreads, maxQueuedCalls, shutdownGrace, false, DEFAULT_ELICITATION_TIMEOUT);
  }

  public static McpServerOptions defaults() {
    return new McpServerOptions(100, 16, 256, Duration.ofSeconds(10));
  }

  public McpServerOptions withPageSize(int value) {
    return new McpServerOptions(value, toolThreads, maxQueuedCalls, shutdownGrace, confirmDestructive,
        elicitationTimeout);
  }

  public McpServerOptions withToolThreads(int value) {
    return new McpServerOptions(pageSize, value, maxQueuedCalls, shutdownGrace, confirmDestructive,
        elicitationTimeout);
  }

  public McpServerOptions withMaxQueuedCalls(int value) {
    return new McpServerOptions(pageSize, toolThreads, value, shutdownGrace, confirmDestructive, elicitationTimeout);
  }

  public McpServerOptions withShutdownGrace(Duration value) {
    return new McpServerOptions(pageSize, toolThreads, maxQueuedCalls, value, confirmDestructive, elicitationTimeout);
  }

  public McpServerOptions withConfirmDestructive(boolean value) {
    return new McpServerOptions(pageSize, toolThreads, maxQueuedCalls, shutdownGrace, value, elicitationTimeout);
  }

  public McpServerOptions withElicitationTimeout(Duration value) {
    return new McpServerOptions(pageSize, toolThreads, maxQueuedCalls, shutdownGrace, confirmDestructive, value);
  }
}
