package dev.openapi2mcp.generator;

import java.util.Objects;

/**
 * One message about the input, with where it points.
 *
 * @param severity whether it fails the run
 * @param message what is wrong, in a sentence
 * @param file the spec file (or URL) it concerns, or null
 * @param pointer a JSON pointer into that file (e.g. {@code /paths/~1pet~1{petId}/get}), or null
 * @param operationId the operation concerned, or null
 */
public record Diagnostic(Severity severity, String message, String file, String pointer, String operationId) {

  public enum Severity {
    ERROR,
    WARNING
  }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file#pointer (operationId): message}, leaving out what is unknown. */
  @Override
  public String toString() {
    StringBuilder where = new StringBuilder();
    if (file != null) {
      where.append(file);
    }
    if (pointer != null) {
      where.append('#').append(pointer);
    }
    if (operationId != null) {
      where.append(where.length() > 0 ? " " : "").append('(').append(operationId).append(')');
    }
    return (where.length() > 0 ? where + ": " : "") + message;
  }
}
