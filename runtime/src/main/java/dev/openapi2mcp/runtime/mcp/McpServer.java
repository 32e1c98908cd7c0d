package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.InboundHeaders;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The server side of MCP, independent of any transport. Transports parse bytes with {@link #codec()}, keep one
 * {@link McpSession} per connection or session id, and feed each message to {@link #handle}; they never look at
 * method names (the one question they need answered, whether a message opens a session, is {@link #startsSession}).
 *
 * <p>Thread-safe. Tool calls run on a bounded worker pool owned by this server; everything else is answered on the
 * caller's thread.
 */
public final class McpServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(McpServer.class.getName());

  private final ServerDefinition definition;
  private final McpServerOptions options;
  private final JsonRpcCodec codec = new JsonRpcCodec();
  private final ToolCallPool pool;
  private final ToolsCallHandler toolsCall;
  private final MethodTable methods;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CompletableFuture<Boolean> closing = new CompletableFuture<>();

  /**
   * @throws IllegalArgumentException when a tool's schema is not a JSON object (the message names the tool)
   */
  public McpServer(ServerDefinition definition, ToolExecutor executor, McpServerOptions options) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.options = Objects.requireNonNull(options, "options");
    Objects.requireNonNull(executor, "executor");
    ToolCatalog catalog = new ToolCatalog(definition.tools(), codec.mapper());
    this.pool = new ToolCallPool(options.toolThreads(), options.maxQueuedCalls());
    this.toolsCall = new ToolsCallHandler(catalog, executor, pool,
        options.confirmDestructive() ? new DestructiveConfirmation(options.elicitationTimeout()) : null);
    MethodHandler initialize = new InitializeHandler(definition);
    MethodHandler ping = context -> CompletableFuture.completedFuture(JsonNodeFactory.instance.objectNode());
    this.methods = new MethodTable(
        Map.of(MethodTable.INITIALIZE, initialize, MethodTable.PING, ping),
        Map.of(
            MethodTable.INITIALIZE, initialize,
            MethodTable.PING, ping,
            MethodTable.TOOLS_LIST, new ToolsListHandler(catalog, options.pageSize()),
            MethodTable.TOOLS_CALL, toolsCall,
            MethodTable.LOGGING_SET_LEVEL, new SetLevelHandler()));
  }

  public ServerDefinition definition() {
    return definition;
  }

  public McpServerOptions options() {
    return options;
  }

  /** The codec transports parse and write messages with. */
  public JsonRpcCodec codec() {
    return codec;
  }

  /** Whether this message, sent without a session, opens one (an {@code initialize} request). */
  public boolean startsSession(JsonRpcMessage message) {
    return message instanceof JsonRpcMessage.Request request && MethodTable.INITIALIZE.equals(request.method());
  }

  /**
   * Handles one message from the client of {@code session}; messages that belong to a request (progress, log
   * messages and elicitation while a tool runs) go over the session's own channel. Right for stdio, where there is
   * only one.
   *
   * @return as {@link #handle(JsonRpcMessage, McpSession, ServerMessageSink, InboundHeaders)}
   */
  public CompletableFuture<ObjectNode> handle(JsonRpcMessage message, McpSession session) {
    Objects.requireNonNull(session, "session");
    return handle(message, session, session.sink());
  }

  /**
   * As {@link #handle(JsonRpcMessage, McpSession, ServerMessageSink, InboundHeaders)}, for a message without HTTP
   * request headers to show tools.
   */
  public CompletableFuture<ObjectNode> handle(
      JsonRpcMessage message, McpSession session, ServerMessageSink requestChannel) {
    return handle(message, session, requestChannel, InboundHeaders.NONE);
  }

  /**
   * Handles one message from the client of {@code session}. A response is routed to the server request that waits
   * for it (or ignored with a log line when none does).
   *
   * @param requestChannel where the server sends what belongs to this message's request before answering it
   *     (issue 5; on HTTP, the POST's event stream); when it no longer takes messages, the session's channel does
   * @param headers the headers of the HTTP request that carried the message; tool calls see them in their {@link
   *     dev.openapi2mcp.runtime.tool.CallContext} (issue 5)
   * @return the response to send, or null (notifications, responses and cancelled requests get none); the future
   *     never fails, errors are JSON-RPC error responses
   */
  public CompletableFuture<ObjectNode> handle(
      JsonRpcMessage message, McpSession session, ServerMessageSink requestChannel, InboundHeaders headers) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(requestChannel, "requestChannel");
    Objects.requireNonNull(headers, "headers");
    if (message instanceof JsonRpcMessage.Request request) {
      return dispatch(request, session, requestChannel, headers);
    }
    if (message instanceof JsonRpcMessage.Notification notification) {
      onNotification(notification, session);
    } else if (message instanceof JsonRpcMessage.Response response) {
      session.requests().complete(response);
    }
    return CompletableFuture.completedFuture(null);
  }

  /** The error response for a message the transport could not parse. */
  public ObjectNode errorResponse(JsonRpcException exception) {
    return codec.error(exception);
  }

  private CompletableFuture<ObjectNode> dispatch(
      JsonRpcMessage.Request request, McpSession session, ServerMessageSink channel, InboundHeaders headers) {
    Optional<ProtocolRevision> revision = session.revision();
    Optional<MethodHandler> handler = methods.find(revision, request.method());
    if (handler.isEmpty()) {
      return CompletableFuture.completedFuture(unknownMethod(request, revision.isPresent()));
    }
    RequestContext context =
        new RequestContext(session, revision.orElse(ProtocolRevision.LATEST), request, channel, headers);
    CompletableFuture<JsonNode> result;
    try {
      result = handler.get().handle(context);
    } catch (JsonRpcException e) {
      return CompletableFuture.completedFuture(codec.error(request.id(), e.code(), e.getMessage()));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(internalError(request, e));
    }
    return result.handle((value, failure) -> {
      if (failure == null) {
        return codec.result(request.id(), value);
      }
      Throwable cause = unwrap(failure);
      if (cause instanceof RequestCancelledException) {
        return null;
      }
      if (cause instanceof JsonRpcException e) {
        return codec.error(request.id(), e.code(), e.getMessage());
      }
      return internalError(request, cause);
    });
  }

  private ObjectNode unknownMethod(JsonRpcMessage.Request request, boolean initialized) {
    if (!initialized && methods.isKnown(request.method())) {
      return codec.error(request.id(), JsonRpcException.INVALID_REQUEST,
          "Session not initialized: send initialize before " + Texts.clip(request.method()));
    }
    return codec.error(request.id(), JsonRpcException.METHOD_NOT_FOUND,
        "Method not found: " + Texts.clip(request.method()));
  }

  private ObjectNode internalError(JsonRpcMessage.Request request, Throwable failure) {
    String reference = ErrorReference.log(LOG, "answering " + Texts.clip(request.method()) + " failed", failure);
    return codec.error(request.id(), JsonRpcException.INTERNAL_ERROR, "Internal error (" + reference + ")");
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private void onNotification(JsonRpcMessage.Notification notification, McpSession session) {
    switch (notification.method()) {
      case "notifications/initialized" -> session.markClientReady();
      case "notifications/cancelled" -> {
        JsonNode requestId = notification.params().get("requestId");
        JsonNode reason = notification.params().get("reason");
        toolsCall.cancel(session, requestId, reason != null && reason.isTextual() ? reason.textValue() : null);
      }
      default -> LOG.fine(() -> "ignored notification " + Texts.clip(notification.method()));
    }
  }

  /**
   * The session of a tool call while it runs, so that runtime code holding only the {@link CallContext} can reach
   * its client, e.g. with {@link McpSession#log}.
   */
  public Optional<McpSession> sessionOf(CallContext call) {
    return toolsCall.sessionOf(call);
  }

  /** As {@link #close(Duration)} with the configured grace period. */
  @Override
  public void close() {
    close(options.shutdownGrace());
  }

  /**
   * Stops taking tool calls and waits up to {@code grace} for running ones to finish (their responses are still
   * delivered). Idempotent; a later call waits until the first one has finished, so that whoever closes (end of
   * input, a shutdown hook) never returns while calls are still being answered.
   *
   * @return whether all calls finished in time
   */
  public boolean close(Duration grace) {
    if (!closed.compareAndSet(false, true)) {
      // Issue 5: on stdio, end of input and SIGTERM both close; a hook that returned at once let the JVM halt
      // with the calls in flight unanswered.
      try {
        return closing.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (ExecutionException e) {
        return false;
      }
    }
    boolean finished = false;
    try {
      finished = pool.shutdown(grace);
      if (!finished) {
        LOG.warning(() -> "tool calls still running after " + grace.toMillis() + " ms; interrupted them");
      }
      return finished;
    } finally {
      closing.complete(finished);
    }
  }
}
