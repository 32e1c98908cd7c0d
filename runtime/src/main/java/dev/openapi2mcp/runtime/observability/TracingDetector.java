package dev.openapi2mcp.runtime.observability;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Decides between OpenTelemetry and no tracing, without loading any OpenTelemetry class when the API is absent. */
final class TracingDetector {
  private static final Logger LOG = Logger.getLogger(TracingDetector.class.getName());
  static final String GLOBAL_OPEN_TELEMETRY = "io.opentelemetry.api.GlobalOpenTelemetry";

  private TracingDetector() {}

  static Tracing detect(ClassLoader loader) {
    try {
      Class.forName(GLOBAL_OPEN_TELEMETRY, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      LOG.fine("OpenTelemetry API not on the class path: tool calls are not traced");
      return Tracing.NONE;
    }
    try {
      // OtelTracing is resolved only here, after the API was found, so its references to the API never load early.
      return OtelTracing.global();
    } catch (LinkageError e) {
      // An OpenTelemetry API too old for what OtelTracing calls: run untraced rather than not at all.
      LOG.log(Level.WARNING, "the OpenTelemetry API on the class path cannot be used; tool calls are not traced", e);
      return Tracing.NONE;
    }
  }
}
