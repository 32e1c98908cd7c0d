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
import java.util.logging.Level;
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

  /**
   * @throws IllegalArgumentException when a tool's schema is not a JSON object (the message names the tool)
   */
  public McpServer(ServerDefinition definition, ToolExecutor executor, McpServerOptions options) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.options = Objects.requireNonNull(options, "options");
    Objects.requireNonNull(executor, "executor");
    ToolCatalog catalog = new ToolCatalog(definition.tools(), codec.mapper());
    this.pool = new ToolCallPool(options.toolThreads(), options.maxQueuedCalls());
    this.toolsCall = new ToolsCallHandler(catalog, executor, pool);
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
   * Handles one message from the client of {@code session}.
   *
   * @return the response to send, or null (notifications and responses get none); the future never fails, errors
   *     are JSON-RPC error responses
   */
  public CompletableFuture<ObjectNode> handle(JsonRpcMessage message, McpSession session) {
    return handle(message, session, InboundHeaders.NONE);
  }

  /**
   * As {@link #handle(JsonRpcMessage, McpSession)}, for a message that arrived in an HTTP request with these
   * headers; tool calls see them in their {@link dev.openapi2mcp.runtime.tool.CallContext} (issue 5).
   */
  public CompletableFuture<ObjectNode> handle(
      JsonRpcMessage message, McpSession session, InboundHeaders headers) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(headers, "headers");
    if (message instanceof JsonRpcMessage.Request request) {
      return dispatch(request, session, headers);
    }
    if (message instanceof JsonRpcMessage.Notification notification) {
      onNotification(notification, session);
    }
    // Responses answer requests this server never sends yet: nothing to correlate them with.
    return CompletableFuture.completedFuture(null);
  }

  /** The error response for a message the transport could not parse. */
  public ObjectNode errorResponse(JsonRpcException exception) {
    return codec.error(exception);
  }

  private CompletableFuture<ObjectNode> dispatch(
      JsonRpcMessage.Request request, McpSession session, InboundHeaders headers) {
    Optional<ProtocolRevision> revision = session.revision();
    Optional<MethodHandler> handler = methods.find(revision, request.method());
    if (handler.isEmpty()) {
      return CompletableFuture.completedFuture(unknownMethod(request, revision.isPresent()));
    }
    RequestContext context = new RequestContext(session, revision.orElse(ProtocolRevision.LATEST), request, headers);
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
    LOG.log(Level.WARNING, "internal error answering " + Texts.clip(request.method()), failure);
    return codec.error(request.id(), JsonRpcException.INTERNAL_ERROR, "Internal error");
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
      case "notifications/cancelled" ->
          // Cancelling a running call is not supported yet; the call completes and its response is sent anyway.
          LOG.fine(() -> "client asked to cancel request "
              + Texts.clip(notification.params().path("requestId").asText()) + "; not supported, ignored");
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
   * delivered). Idempotent.
   *
   * @return whether all calls finished in time
   */
  public boolean close(Duration grace) {
    if (!closed.compareAndSet(false, true)) {
      return true;
    }
    boolean finished = pool.shutdown(grace);
    if (!finished) {
      LOG.warning(() -> "tool calls still running after " + grace.toMillis() + " ms; interrupted them");
    }
    return finished;
  }
}
