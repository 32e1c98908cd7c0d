package dev.openapi2mcp.runtime.cli;

import dev.openapi2mcp.runtime.http.AuditSink;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command-line options of the audit trail (issue 5). There is deliberately no way to turn the audit off: every
 * tool call is audited, on standard error unless {@code --audit-log} names a file.
 *
 * @param file {@code --audit-log FILE}: the JSON-lines file records are appended to, or null for standard error
 *     ({@code --audit-log stderr}, the default)
 * @param redactHeaders {@code --redact-header NAME} values (repeatable): header names whose argument values the audit
 *     trail never shows, beyond the built-in ones
 */
public record AuditOptions(Path file, List<String> redactHeaders) {

  /** The option names, in the order {@code --help} lists them. */
  static final List<String> NAMES = List.of("--audit-log", "--redact-header");

  private static final List<String> OFF = List.of("off", "none", "false", "no", "disabled");

  public AuditOptions {
    redactHeaders = List.copyOf(redactHeaders);
  }

  /** Audit on standard error, built-in redaction only. */
  public static AuditOptions defaults() {
    return new AuditOptions(null, List.of());
  }

  /**
   * Opens where the records go: the file (created when missing, appended to) or standard error.
   *
   * @throws IllegalArgumentException when the file cannot be opened; the message names it and why
   */
  public AuditSink openSink() {
    return file == null ? AuditSink.stderr() : AuditSink.file(file);
  }

  /** These options with one more of {@link #NAMES} applied. */
  AuditOptions with(String name, String value) throws UsageException {
    return switch (name) {
      case "--audit-log" -> new AuditOptions(file(value), redactHeaders);
      case "--redact-header" -> {
        List<String> names = new ArrayList<>(redactHeaders);
        names.add(header(value));
        yield new AuditOptions(file, names);
      }
      default -> throw new IllegalArgumentException("not an audit option: " + name);
    };
  }

  private static Path file(String value) throws UsageException {
    String text = value.trim();
    if (text.equalsIgnoreCase("stderr")) {
      return null;
    }
    if (OFF.contains(text.toLowerCase(Locale.ROOT))) {
      throw new UsageException("--audit-log cannot turn the audit trail off: every tool call is audited; "
          + "give a FILE or stderr, was '" + value + "'");
    }
    if (text.isEmpty()) {
      throw new UsageException("--audit-log needs a FILE or stderr");
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new UsageException("--audit-log: '" + value + "' is not a valid file name (" + e.getReason() + ")");
    }
  }

  private static String header(String value) throws UsageException {
    String name = value.trim();
    if (!OptionValues.HEADER_NAME.matcher(name).matches()) {
      throw new UsageException("--redact-header must be an HTTP header name such as X-Customer-Pin, was '"
          + value + "'");
    }
    return name;
  }
}
