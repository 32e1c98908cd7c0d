package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.CallContext;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The audit trail of issue 5: exactly one record per tool call, a one-line JSON object with, in this order,
 * {@code time} (ISO-8601 UTC, when the call started), {@code tool}, {@code api} (the API of a service catalog the
 * tool belongs to, else null), {@code session} ({@link CallContext#sessionDigest()}, never the id), {@code caller},
 * {@code requestId}, {@code arguments} (redacted by {@link Redactor}), {@code method}, {@code url} (redacted; null
 * when nothing was sent), {@code status} (the upstream status or null), {@code durationMs}, {@code outcome} (an
 * {@link Outcome} in lower case) and {@code traceId} (the call's trace when it is traced, else null). Every field is
 * always present; absent values are JSON null. The {@link AuditSink} decides the framing (a file holds the bare JSON
 * lines; standard error prefixes them with {@code audit }).
 *
 * <p>Invariant: only redacted data reaches this class; it never sees credentials, and it never writes a session id.
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
      String api,
      CallContext context,
      JsonNode redactedArguments,
      String method,
      String url,
      Integer status,
      long durationMs,
      Outcome outcome,
      String traceId) {}

  /**
   * Writes {@code entry}; a sink that fails is reported on standard error, where operators look, and never breaks
   * the call.
   */
  void record(Entry entry) {
    try {
      write(entry);
    } catch (RuntimeException e) {
      System.err.println("openapi2mcp: audit record for tool '" + entry.tool() + "' could not be written: " + e);
    }
  }

  /** The arguments {@code redact} gives, or a placeholder when it fails: what could not be redacted is never logged. */
  static ObjectNode redactedOrPlaceholder(Supplier<ObjectNode> redact) {
    try {
      return redact.get();
    } catch (RuntimeException e) {
      return JsonText.MAPPER.createObjectNode().put("unavailable", "arguments could not be redacted");
    }
  }

  void write(Entry entry) {
    ObjectNode record = JsonText.MAPPER.createObjectNode();
    record.put("time", entry.time().toString());
    record.put("tool", entry.tool());
    record.put("api", entry.api());
    CallContext context = entry.context();
    record.put("session", context == null ? null : context.sessionDigest());
    record.put("caller", context == null ? null : context.caller());
    record.put("requestId", context == null ? null : context.requestId());
    record.set("arguments", entry.redactedArguments());
    record.put("method", entry.method());
    record.put("url", entry.url());
    record.put("status", entry.status());
    record.put("durationMs", entry.durationMs());
    record.put("outcome", entry.outcome().auditName());
    record.put("traceId", entry.traceId());
    String json;
    try {
      // Jackson escapes line breaks inside strings, so the record is one line whatever the arguments hold.
      json = JsonText.MAPPER.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      // A tree of Jackson's own nodes always serializes.
      throw new IllegalStateException("cannot write the audit record", e);
    }
    sink.write(json);
  }
}
