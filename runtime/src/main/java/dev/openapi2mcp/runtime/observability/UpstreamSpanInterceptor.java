package dev.openapi2mcp.runtime.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.IOException;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One CLIENT span per upstream attempt (issue 5), child of the span current on the calling thread (the tool span:
 * OkHttp runs a synchronous call's interceptors on the caller's thread), following the OpenTelemetry HTTP client
 * conventions: named {@code {method} {path template}}, with {@code http.request.method}, {@code url.full} (the
 * {@link UpstreamTag}'s redacted URL; without a tag, the URL without query and user info), {@code url.template},
 * {@code server.address}, {@code server.port}, {@code http.response.status_code}; status ERROR and
 * {@code error.type} for 4xx/5xx answers and for failures. The configured propagators inject the span's context
 * ({@code traceparent} with W3C) into the request, replacing any header of the same name. The span ends when the
 * response headers arrive.
 *
 * <p>Installed after the retry and circuit-breaker interceptors, so that every attempt that is sent has its span.
 */
final class UpstreamSpanInterceptor implements Interceptor {
  private static final TextMapSetter<Request.Builder> HEADERS = (request, key, value) -> {
    if (request != null) {
      request.header(key, value);
    }
  };

  private final Supplier<OpenTelemetry> openTelemetry;

  UpstreamSpanInterceptor(Supplier<OpenTelemetry> openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    OpenTelemetry otel = openTelemetry.get();
    Request request = chain.request();
    UpstreamTag tag = request.tag(UpstreamTag.class);
    HttpUrl url = request.url();
    String method = request.method();
    SpanBuilder builder = OtelTracing.tracer(otel)
        .spanBuilder(tag != null && tag.pathTemplate() != null ? method + " " + tag.pathTemplate() : method)
        .setSpanKind(SpanKind.CLIENT)
        .setParent(Context.current())
        .setAttribute("http.request.method", method)
        .setAttribute("url.full", tag != null && tag.redactedUrl() != null ? tag.redactedUrl()
            : url.newBuilder().query(null).username("").password("").build().toString())
        .setAttribute("server.address", url.host())
        .setAttribute("server.port", (long) url.port());
    if (tag != null && tag.pathTemplate() != null) {
      builder.setAttribute("url.template", tag.pathTemplate());
    }
    Span span = builder.startSpan();
    Context context = Context.current().with(span);
    Request.Builder traced = request.newBuilder();
    otel.getPropagators().getTextMapPropagator().inject(context, traced, HEADERS);
    try (Scope ignored = context.makeCurrent()) {
      Response response = chain.proceed(traced.build());
      span.setAttribute("http.response.status_code", (long) response.code());
      if (response.code() >= 400) {
        span.setStatus(StatusCode.ERROR);
        span.setAttribute("error.type", Integer.toString(response.code()));
      }
      return response;
    } catch (IOException | RuntimeException e) {
      span.setStatus(StatusCode.ERROR);
      span.setAttribute("error.type", e.getClass().getName());
      throw e;
    } finally {
      span.end();
    }
  }
}
