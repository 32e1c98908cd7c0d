package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.CallChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One running {@code tools/call} as its client sees it (issue 5): the channel its notifications and requests travel
 * on, its progress token, whether it was cancelled.
 *
 * <p>Invariants: nothing is sent once {@link #finish()} ran (the final result is next), and sending and finishing
 * exclude each other, so no message can overtake the result; progress values sent strictly increase; cancel actions
 * run once, outside the lock. Messages go to the request's own channel (the POST's event stream on HTTP) and, when
 * that is gone, to the session's channel.
 */
final class ToolCall implements CallChannel {
  private static final Logger LOG = Logger.getLogger(ToolCall.class.getName());

  private final McpSession session;
  private final ServerMessageSink requestChannel;
  private final JsonNode progressToken;
  private final List<Runnable> cancelActions = new ArrayList<>();
  private boolean finished;
  private volatile boolean cancelled;
  private boolean progressSent;
  private double lastProgress;

  /**
   * @param progressToken the request's {@code _meta.progressToken} (a string or number), or null
   */
  ToolCall(McpSession session, ServerMessageSink requestChannel, JsonNode progressToken) {
    this.session = Objects.requireNonNull(session, "session");
    this.requestChannel = Objects.requireNonNull(requestChannel, "requestChannel");
    this.progressToken = progressToken;
  }

  /** The progress token of a {@code tools/call}'s params, or null when absent or not a string or number. */
  static JsonNode progressToken(ObjectNode params) {
    JsonNode token = params.path("_meta").get("progressToken");
    return token != null && (token.isTextual() || token.isIntegralNumber()) ? token : null;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public Registration onCancel(Runnable action) {
    Objects.requireNonNull(action, "action");
    synchronized (this) {
      if (!cancelled) {
        cancelActions.add(action);
        return () -> {
          synchronized (this) {
            cancelActions.remove(action);
          }
        };
      }
    }
    action.run();
    return () -> {};
  }

  /** Marks the call cancelled and runs the cancel actions; false when it was already cancelled. */
  boolean cancel() {
    List<Runnable> actions;
    synchronized (this) {
      if (cancelled) {
        return false;
      }
      cancelled = true;
      actions = List.copyOf(cancelActions);
      cancelActions.clear();
    }
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a cancel action failed", e);
      }
    }
    return true;
  }

  /** Closes the channel: the result is about to be sent, and nothing may follow it. */
  synchronized void finish() {
    finished = true;
  }

  @Override
  public void progress(double progress, Double total, String message) {
    if (progressToken == null || Double.isNaN(progress)) {
      return;
    }
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.set("progressToken", progressToken);
    params.put("progress", progress);
    if (total != null) {
      params.put("total", total);
    }
    if (message != null) {
      params.put("message", message);
    }
    synchronized (this) {
      if (progressSent && progress <= lastProgress) {
        return;
      }
      if (send(McpSession.notification("notifications/progress", params))) {
        progressSent = true;
        lastProgress = progress;
      }
    }
  }

  @Override
  public void log(LogLevel level, String logger, JsonNode data) {
    if (session.logsAt(level)) {
      send(McpSession.logMessage(level, logger, data));
    }
  }

  /**
   * Sends a request to the client for this call and waits for the answer: the client's result, or an exception
   * from {@link ClientRequests}; {@link CancellationException} when the call is cancelled meanwhile.
   */
  JsonNode ask(String method, ObjectNode params, Duration timeout) throws Exception {
    CompletableFuture<JsonNode> answer = session.requests().send(method, params, this::send, timeout);
    try (Registration ignored = onCancel(() -> answer.cancel(false))) {
      return answer.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** Sends one message unless the call is finished; false when no channel took it. */
  private synchronized boolean send(ObjectNode message) {
    if (finished) {
      return false;
    }
    return requestChannel.send(message) || (requestChannel != session.sink() && session.sink().send(message));
  }
}
