package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * {@code tools/call}: checks the envelope (tool name, arguments object), then runs the executor on the worker pool.
 * Whatever the executor does, the client gets a result: an exception becomes an {@code isError} result with a short
 * message, never a stack trace.
 *
 * <p>Long calls (issue 5): each call gets a {@link ToolCall} as its {@link CallContext#channel()}, for progress, log
 * messages and cancellation. A call the client cancels gets no response at all; with {@code confirmDestructive}, a
 * destructive tool runs only after {@link DestructiveConfirmation}.
 */
final class ToolsCallHandler implements MethodHandler {
  private static final Logger LOG = Logger.getLogger(ToolsCallHandler.class.getName());

  /** A running call, by the session and the JSON-RPC id its client gave it. */
  private record Key(McpSession session, JsonNode requestId) {}

  private final ToolCatalog catalog;
  private final ToolExecutor executor;
  private final ToolCallPool pool;
  private final DestructiveConfirmation confirmation;
  private final Map<CallContext, McpSession> inFlight = new ConcurrentHashMap<>();
  private final Map<Key, ToolCall> running = new ConcurrentHashMap<>();

  /**
   * @param confirmation asks before destructive tools run, or null when the server does not ask
   */
  ToolsCallHandler(ToolCatalog catalog, ToolExecutor executor, ToolCallPool pool,
      DestructiveConfirmation confirmation) {
    this.catalog = catalog;
    this.executor = executor;
    this.pool = pool;
    this.confirmation = confirmation;
  }

  @Override
  public CompletableFuture<JsonNode> handle(RequestContext context) throws JsonRpcException {
    JsonNode nameNode = context.params().get("name");
    if (nameNode == null || !nameNode.isTextual()) {
      throw JsonRpcException.invalidParams("tools/call: \"name\" (string) is required in params");
    }
    String name = nameNode.textValue();
    ToolDefinition tool = catalog.find(name)
        .orElseThrow(() -> JsonRpcException.invalidParams("Unknown tool: '" + Texts.clip(name) + "'"));
    ObjectNode arguments = arguments(context.params().get("arguments"));
    McpSession session = context.session();
    ToolCall channel = new ToolCall(session, context.channel(), ToolCall.progressToken(context.params()));
    Key key = new Key(session, context.request().id());
    CallContext call = new CallContext(session.id(), session.caller(), context.idText(), channel,
        traceContext(context.params()), context.inboundHeaders());
    ProtocolRevision revision = context.revision();
    running.put(key, channel);
    CompletableFuture<ToolResult> result;
    try {
      result = pool.submit(
          () -> run(tool, arguments, call, channel, session),
          () -> ToolResult.error("Tool '" + tool.name() + "' was not run: the server is shutting down"));
    } catch (JsonRpcException e) {
      running.remove(key, channel);
      throw e;
    }
    return result.handle((value, failure) -> {
      running.remove(key, channel);
      // Closed before the response exists, so that no progress or log message can follow it.
      channel.finish();
      if (channel.isCancelled()) {
        throw new RequestCancelledException();
      }
      if (failure != null) {
        throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
      }
      return ToolResultWriter.write(value, revision);
    });
  }

  /**
   * Cancels the running call with this id in {@code session}: its channel reports cancelled and runs the actions
   * registered on it (the REST executor's aborts the HTTP call). Unknown or finished calls are ignored, as the spec
   * allows.
   *
   * @return whether a running call was cancelled
   */
  boolean cancel(McpSession session, JsonNode requestId, String reason) {
    ToolCall call = requestId == null ? null : running.get(new Key(session, requestId));
    if (call == null) {
      LOG.fine(() -> "ignored cancellation of request " + Texts.clip(String.valueOf(requestId))
          + ": no such call is running");
      return false;
    }
    LOG.info(() -> "client cancelled request " + Texts.clip(requestId.toString())
        + (reason == null ? "" : ": " + Texts.clip(reason)));
    return call.cancel();
  }

  /**
   * The W3C trace-context strings of {@code params._meta} (issue 5: tracing continues the client's trace, as the
   * OpenTelemetry MCP conventions propose); other keys and non-string values are ignored.
   */
  private static Map<String, String> traceContext(ObjectNode params) {
    JsonNode meta = params.path("_meta");
    Map<String, String> entries = new HashMap<>();
    for (String key : new String[] {"traceparent", "tracestate"}) {
      JsonNode value = meta.get(key);
      if (value != null && value.isTextual()) {
        entries.put(key, value.textValue());
      }
    }
    return entries;
  }

  private static ObjectNode arguments(JsonNode node) throws JsonRpcException {
    if (node == null || node.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!node.isObject()) {
      throw JsonRpcException.invalidParams("tools/call: \"arguments\" must be an object");
    }
    return (ObjectNode) node;
  }

  private ToolResult run(
      ToolDefinition tool, ObjectNode arguments, CallContext call, ToolCall channel, McpSession session) {
    if (channel.isCancelled()) {
      return ToolResult.error("Tool '" + tool.name() + "' was not run: cancelled by the client");
    }
    if (confirmation != null && DestructiveConfirmation.isDestructive(tool)) {
      try {
        Optional<ToolResult> refused =
            confirmation.confirm(tool, executor.redactedArguments(tool, arguments), channel, session);
        if (refused.isPresent()) {
          executor.notConfirmed(tool, arguments, call);
          return refused.get();
        }
      } catch (CancellationException e) {
        executor.notConfirmed(tool, arguments, call);
        return ToolResult.error("Tool '" + tool.name() + "' was not run: cancelled by the client");
      }
    }
    inFlight.put(call, session);
    try {
      ToolResult result = executor.execute(tool, arguments, call);
      if (result == null) {
        LOG.warning(() -> "tool '" + tool.name() + "' returned no result");
        return ToolResult.error("Tool '" + tool.name() + "' failed: it returned no result");
      }
      return result;
    } catch (RuntimeException e) {
      return ToolResult.error("Tool '" + tool.name() + "' failed with an internal error ("
          + ErrorReference.log(LOG, "tool '" + tool.name() + "' failed", e) + ")");
    } finally {
      inFlight.remove(call, session);
    }
  }

  /** The session of a call that is running now. */
  Optional<McpSession> sessionOf(CallContext call) {
    return Optional.ofNullable(inFlight.get(call));
  }
}
