package dev.openapi2mcp.runtime.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs one tool call. The protocol layer calls this for {@code tools/call}; implementations never throw for
 * bad arguments or failing upstreams: they return a {@link ToolResult} with {@code isError} set.
 * Implementations are thread-safe: the HTTP transport calls them concurrently.
 */
@FunctionalInterface
public interface ToolExecutor {

  ToolResult execute(ToolDefinition tool, ObjectNode arguments, CallContext context);
}
