package dev.openapi2mcp.runtime.observability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.Objects;

/**
 * Puts every tool call in a span (issue 5): outermost in the executor chain, so that calls a rate limit refuses are
 * traced too, and current on the calling thread while the wrapped executor runs, so that its upstream requests
 * become child spans and carry the trace upstream. Closing closes the wrapped executor when it is closeable.
 */
public final class TracingExecutor implements ToolExecutor, AutoCloseable {
  private final ToolExecutor delegate;
  private final Tracing tracing;

  public TracingExecutor(ToolExecutor delegate, Tracing tracing) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.tracing = Objects.requireNonNull(tracing, "tracing");
  }

  @Override
  public ToolResult execute(ToolDefinition tool, ObjectNode arguments, CallContext context) {
    ToolSpan span = tracing.startToolCall(tool.name(), context);
    ToolResult result = null;
    try {
      result = delegate.execute(tool, arguments, context);
      return result;
    } finally {
      span.end(result);
    }
  }

  @Override
  public ObjectNode redactedArguments(ToolDefinition tool, ObjectNode arguments) {
    return delegate.redactedArguments(tool, arguments);
  }

  @Override
  public void notConfirmed(ToolDefinition tool, ObjectNode arguments, CallContext context) {
    delegate.notConfirmed(tool, arguments, context);
  }

  /** The executor inside, e.g. for checks of the wiring. */
  public ToolExecutor delegate() {
    return delegate;
  }

  @Override
  public void close() throws Exception {
    if (delegate instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
