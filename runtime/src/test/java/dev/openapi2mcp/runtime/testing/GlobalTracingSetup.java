package dev.openapi2mcp.runtime.testing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** Registers an OpenTelemetry SDK with W3C propagation as the global instance; loaded only when asked for. */
final class GlobalTracingSetup {
  private GlobalTracingSetup() {}

  static void register() {
    OpenTelemetrySdk.builder()
        // A processor, so that spans are recorded (an SDK without any may hand out no-op tracers).
        .setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create()))
            .build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .buildAndRegisterGlobal();
  }
}
