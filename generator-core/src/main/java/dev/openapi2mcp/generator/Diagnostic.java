package dev.openapi2mcp.generator;

import java.util.Locale;
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

  /**
   * {@code file#pointer (operationId): message}, leaving out what is unknown. Control characters other than line
   * breaks and tabs are shown as {@code \}{@code uXXXX}: pointers and messages quote spec text, and this text goes to
   * consoles, where an escape sequence from a spec could rewrite what the user sees.
   */
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
    return visible((where.length() > 0 ? where + ": " : "") + message);
  }

  private static String visible(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
