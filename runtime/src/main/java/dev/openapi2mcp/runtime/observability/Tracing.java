package dev.openapi2mcp.runtime.observability;

import dev.openapi2mcp.runtime.tool.CallContext;
import okhttp3.Interceptor;

/**
 * Tracing of tool calls (issue 5): a span per tool call, a child span per upstream HTTP request, and W3C trace
 * context sent upstream. {@link #detect()} uses OpenTelemetry when its API is on the class path and is a no-op
 * otherwise.
 *
 * <p>Invariant: no type of this interface's signatures belongs to OpenTelemetry, so the runtime loads and runs
 * without the OpenTelemetry jars; only {@link OtelTracing} touches them, and it is loaded only when they are there.
 */
public interface Tracing {

  /** No spans, no propagation, no trace ids. */
  Tracing NONE = new Tracing() {
    @Override
    public ToolSpan startToolCall(String tool, CallContext context) {
      return ToolSpan.NONE;
    }

    @Override
    public Interceptor upstreamInterceptor() {
      return null;
    }

    @Override
    public String currentTraceId() {
      return null;
    }
  };

  /**
   * Starts the span of one tool call and makes it current on this thread until {@link ToolSpan#end}; continues the
   * client's trace when {@code context} carries trace context. The caller ends it on the same thread.
   *
   * @param context the call's context, or null
   */
  ToolSpan startToolCall(String tool, CallContext context);

  /**
   * The OkHttp interceptor that traces each upstream attempt as a child of the current tool span and injects the
   * trace context into the request; null when there is nothing to do. Requests may carry an {@link UpstreamTag}.
   */
  Interceptor upstreamInterceptor();

  /** The trace id (32 hex digits) of the span current on this thread, or null when there is none. */
  String currentTraceId();

  /**
   * OpenTelemetry through {@code GlobalOpenTelemetry} when {@code io.opentelemetry:opentelemetry-api} is on the class
   * path (whatever SDK or agent the application registered there; a no-op until one is); otherwise {@link #NONE}.
   */
  static Tracing detect() {
    return TracingDetector.detect(Tracing.class.getClassLoader());
  }
}
