package dev.openapi2mcp.runtime.observability;

import dev.openapi2mcp.runtime.RuntimeVersion;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ToolResult;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.Interceptor;

/**
 * {@link Tracing} with OpenTelemetry (issue 5), following the OpenTelemetry semantic conventions for MCP and GenAI
 * tool execution where they exist (status: development).
 *
 * <p>The tool span: kind SERVER, named {@code tools/call {tool}}, with {@code mcp.method.name},
 * {@code gen_ai.operation.name} ({@code execute_tool}), {@code gen_ai.tool.name}, {@code jsonrpc.request.id} and,
 * with a session, {@code mcp.session.id}; an {@code isError} result sets status ERROR and
 * {@code error.type=tool_error}. Its parent is the trace context the client sent in {@code params._meta}
 * ({@code traceparent}, {@code tracestate}, read with the configured propagators), else the current context. Upstream
 * spans: see {@link UpstreamSpanInterceptor}.
 *
 * <p>The instance comes from its supplier at each call, so a {@code GlobalOpenTelemetry} registered after the server
 * started (or never: then all is a no-op) is honoured. Only this class and {@link UpstreamSpanInterceptor} refer to
 * OpenTelemetry types; {@link TracingDetector} loads this class only when the API is present.
 */
public final class OtelTracing implements Tracing {
  static final String INSTRUMENTATION_SCOPE = "dev.openapi2mcp.runtime";

  private static final TextMapGetter<Map<String, String>> META = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private final Supplier<OpenTelemetry> openTelemetry;

  private OtelTracing(Supplier<OpenTelemetry> openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  /** Tracing with this OpenTelemetry instance (an embedding application's, or a test's). */
  public static Tracing create(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    return new OtelTracing(() -> openTelemetry);
  }

  /** Tracing with whatever {@link GlobalOpenTelemetry} holds at the time of each call. */
  static Tracing global() {
    return new OtelTracing(GlobalOpenTelemetry::get);
  }

  static Tracer tracer(OpenTelemetry openTelemetry) {
    return openTelemetry.getTracer(INSTRUMENTATION_SCOPE, RuntimeVersion.get());
  }

  @Override
  public ToolSpan startToolCall(String tool, CallContext context) {
    OpenTelemetry otel = openTelemetry.get();
    Context parent = Context.current();
    if (context != null && !context.traceContext().isEmpty()) {
      parent = otel.getPropagators().getTextMapPropagator().extract(parent, context.traceContext(), META);
    }
    SpanBuilder builder = tracer(otel).spanBuilder("tools/call " + tool)
        .setSpanKind(SpanKind.SERVER)
        .setParent(parent)
        .setAttribute("mcp.method.name", "tools/call")
        .setAttribute("gen_ai.operation.name", "execute_tool")
        .setAttribute("gen_ai.tool.name", tool);
    if (context != null) {
      if (context.requestId() != null) {
        builder.setAttribute("jsonrpc.request.id", context.requestId());
      }
      if (context.sessionId() != null) {
        // Traces are exported and kept; a session id there would let their readers act in the session.
        builder.setAttribute("mcp.session.id", context.sessionDigest());
      }
    }
    Span span = builder.startSpan();
    Scope scope = parent.with(span).makeCurrent();
    return result -> end(span, scope, result);
  }

  private static void end(Span span, Scope scope, ToolResult result) {
    try {
      if (result == null || result.isError()) {
        span.setStatus(StatusCode.ERROR);
        span.setAttribute("error.type", "tool_error");
      }
    } finally {
      scope.close();
      span.end();
    }
  }

  @Override
  public Interceptor upstreamInterceptor() {
    return new UpstreamSpanInterceptor(openTelemetry);
  }

  @Override
  public String currentTraceId() {
    SpanContext current = Span.current().getSpanContext();
    return current.isValid() ? current.getTraceId() : null;
  }
}
