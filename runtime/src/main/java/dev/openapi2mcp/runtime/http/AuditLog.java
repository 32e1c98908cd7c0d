package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.CallContext;
import java.time.Instant;

/**
 * The audit trail: exactly one line per tool call, {@code audit } followed by a one-line JSON object with, in this
 * order, {@code time} (ISO-8601 UTC), {@code tool}, {@code session}, {@code caller}, {@code requestId},
 * {@code arguments} (redacted), {@code method}, {@code url} (redacted; null when nothing was sent), {@code status}
 * (the upstream status or null), {@code durationMs} and {@code outcome}.
 *
 * <p>Invariant: only redacted data reaches this class; it never sees credentials.
 */
final class AuditLog {
  private final AuditSink sink;

  AuditLog(AuditSink sink) {
    this.sink = sink;
  }

  /** One audit record. */
  record Entry(
      Instant time,
      String tool,
      CallContext context,
      JsonNode redactedArguments,
      String method,
      String url,
      Integer status,
      long durationMs,
      Outcome outcome) {}

  void write(Entry entry) {
    ObjectNode line = JsonText.MAPPER.createObjectNode();
    line.put("time", entry.time().toString());
    line.put("tool", entry.tool());
    CallContext context = entry.context();
    line.put("session", context == null ? null : context.sessionId());
    line.put("caller", context == null ? null : context.caller());
    line.put("requestId", context == null ? null : context.requestId());
    line.set("arguments", entry.redactedArguments());
    line.put("method", entry.method());
    line.put("url", entry.url());
    line.put("status", entry.status());
    line.put("durationMs", entry.durationMs());
    line.put("outcome", entry.outcome().auditName());
    String json;
    try {
      json = JsonText.MAPPER.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      // A tree of Jackson's own nodes always serializes.
      throw new IllegalStateException("cannot write the audit line", e);
    }
    sink.write("audit " + json);
  }
}
