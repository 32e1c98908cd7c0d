package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code tools/call}: checks the envelope (tool name, arguments object), then runs the executor on the worker pool.
 * Whatever the executor does, the client gets a result: an exception becomes an {@code isError} result with a short
 * message, never a stack trace.
 */
final class ToolsCallHandler implements MethodHandler {
  private static final Logger LOG = Logger.getLogger(ToolsCallHandler.class.getName());

  private final ToolCatalog catalog;
  private final ToolExecutor executor;
  private final ToolCallPool pool;
  private final Map<CallContext, McpSession> inFlight = new ConcurrentHashMap<>();

  ToolsCallHandler(ToolCatalog catalog, ToolExecutor executor, ToolCallPool pool) {
    this.catalog = catalog;
    this.executor = executor;
    this.pool = pool;
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
    CallContext call = new CallContext(session.id(), session.caller(), context.idText(), context.inboundHeaders());
    ProtocolRevision revision = context.revision();
    CompletableFuture<ToolResult> result = pool.submit(
        () -> run(tool, arguments, call, session),
        () -> ToolResult.error("Tool '" + tool.name() + "' was not run: the server is shutting down"));
    return result.thenApply(r -> ToolResultWriter.write(r, revision));
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

  private ToolResult run(ToolDefinition tool, ObjectNode arguments, CallContext call, McpSession session) {
    inFlight.put(call, session);
    try {
      ToolResult result = executor.execute(tool, arguments, call);
      if (result == null) {
        LOG.warning(() -> "tool '" + tool.name() + "' returned no result");
        return ToolResult.error("Tool '" + tool.name() + "' failed: it returned no result");
      }
      return result;
    } catch (RuntimeException e) {
      // The exception's message may quote arguments or upstream URLs (secrets); only its type is logged by default.
      LOG.warning(() -> "tool '" + tool.name() + "' failed with " + e.getClass().getName());
      LOG.log(Level.FINE, "tool '" + tool.name() + "' failure", e);
      return ToolResult.error("Tool '" + tool.name() + "' failed with an internal error");
    } finally {
      inFlight.remove(call, session);
    }
  }

  /** The session of a call that is running now. */
  Optional<McpSession> sessionOf(CallContext call) {
    return Optional.ofNullable(inFlight.get(call));
  }
}
