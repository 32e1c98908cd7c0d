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
 */
public record McpServerOptions(int pageSize, int toolThreads, int maxQueuedCalls, Duration shutdownGrace) {

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
  }

  public static McpServerOptions defaults() {
    return new McpServerOptions(100, 16, 256, Duration.ofSeconds(10));
  }

  public McpServerOptions withPageSize(int value) {
    return new McpServerOptions(value, toolThreads, maxQueuedCalls, shutdownGrace);
  }

  public McpServerOptions withToolThreads(int value) {
    return new McpServerOptions(pageSize, value, maxQueuedCalls, shutdownGrace);
  }

  public McpServerOptions withMaxQueuedCalls(int value) {
    return new McpServerOptions(pageSize, toolThreads, value, shutdownGrace);
  }

  public McpServerOptions withShutdownGrace(Duration value) {
    return new McpServerOptions(pageSize, toolThreads, maxQueuedCalls, value);
  }
}
