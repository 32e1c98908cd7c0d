package dev.openapi2mcp.generator.description;

import dev.openapi2mcp.generator.model.OperationModel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes each tool's description from the operation through a {@link DescriptionTemplate}.
 *
 * <p>Variables: {@code summary}; {@code description}, only when it adds to the summary (it is not blank and not
 * the summary again); {@code deprecated}, {@code "true"} or empty; {@code method}; {@code path};
 * {@code operationId}, possibly empty. The rendered text has trailing spaces removed, runs of blank lines
 * collapsed into one, and is trimmed.
 */
public final class DescriptionComposer {

  /** Every variable a description template may use. */
  public static final Set<String> VARIABLES = Set.of("summary", "description", "deprecated", "method", "path",
      "operationId");

  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+(?=\\n|$)");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final DescriptionTemplate template;

  public DescriptionComposer(DescriptionTemplate template) {
    this.template = template;
  }

  public String compose(OperationModel operation) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("summary", orEmpty(operation.summary()).strip());
    values.put("description", addsToSummary(operation.summary(), operation.description())
        ? operation.description().strip()
        : "");
    values.put("deprecated", operation.deprecated() ? "true" : "");
    values.put("method", operation.method().name());
    values.put("path", operation.path());
    values.put("operationId", orEmpty(operation.operationId()));
    return tidy(template.render(values));
  }

  /** Whether {@code description} says more than {@code summary}, ignoring case, spacing and a final period. */
  static boolean addsToSummary(String summary, String description) {
    if (description == null || description.isBlank()) {
      return false;
    }
    return summary == null || !normalized(summary).equals(normalized(description));
  }

  static String tidy(String text) {
    String unixNewlines = text.replace("\r\n", "\n").replace('\r', '\n');
    String noTrailing = TRAILING_SPACE.matcher(unixNewlines).replaceAll("");
    return BLANK_LINES.matcher(noTrailing).replaceAll("\n\n").strip();
  }

  private static String normalized(String text) {
    String collapsed = WHITESPACE.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    return collapsed.endsWith(".") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
