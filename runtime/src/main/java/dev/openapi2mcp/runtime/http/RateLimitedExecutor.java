package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.http.resilience.RateLimiter;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.Objects;

/**
 * Applies the rate limits of issue 5 in front of another executor: a call without a token is refused before its
 * arguments are read or any request is built, with an {@code isError} result that names the limit and when to retry,
 * and an audit line with outcome {@code rate_limited} (the wrapped executor audits the calls it runs). Closing closes
 * the wrapped executor when it is closeable. Thread-safe when the wrapped executor is.
 */
public final class RateLimitedExecutor implements ToolExecutor, AutoCloseable {
  private final ToolExecutor delegate;
  private final RateLimiter limiter;
  private final Redactor redactor;
  private final AuditLog audit;
  private final ExecutorOptions options;

  /**
   * @param definition the server whose tools are called, for redacting the arguments of refused calls
   * @param options where refusals are audited ({@link ExecutorOptions#auditSink()}, {@link ExecutorOptions#clock()})
   */
  public RateLimitedExecutor(ToolExecutor delegate, RateLimiter limiter, ServerDefinition definition,
      ExecutorOptions options) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.redactor = new Redactor(definition.securitySchemes(), options.redactedHeaders());
    this.audit = new AuditLog(options.auditSink());
    this.options = options;
  }

  @Override
  public ToolResult execute(ToolDefinition tool, ObjectNode arguments, CallContext context) {
    RateLimiter.Refusal refusal = limiter.admit(context);
    if (refusal == null) {
      return delegate.execute(tool, arguments, context);
    }
    ObjectNode redacted = AuditLog.redactedOrPlaceholder(() ->
        redactor.redactArguments(tool, arguments != null ? arguments : JsonText.MAPPER.createObjectNode()));
    audit.record(new AuditLog.Entry(options.clock().instant(), tool.name(), tool.api(), context, redacted,
        tool.http() != null ? tool.http().method() : null, null, null, 0, Outcome.RATE_LIMITED,
        options.tracing().currentTraceId()));
    return ToolResult.error(refusal.message());
  }

  @Override
  public ObjectNode redactedArguments(ToolDefinition tool, ObjectNode arguments) {
    return delegate.redactedArguments(tool, arguments);
  }

  @Override
  public void notConfirmed(ToolDefinition tool, ObjectNode arguments, CallContext context) {
    delegate.notConfirmed(tool, arguments, context);
  }

  @Override
  public void close() throws Exception {
    if (delegate instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
