package dev.openapi2mcp.generator.description;

import dev.openapi2mcp.generator.model.OperationModel;
import dev.openapi2mcp.generator.schema.ComponentSchemas;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes each tool's description from the operation through a {@link DescriptionTemplate}.
 *
 * <p>Values: {@code summary}; {@code description}, only when it adds to the summary (it is not blank and not
 * the summary again); {@code deprecated}, {@code "true"} or empty; {@code method}; {@code path};
 * {@code operationId}, possibly empty; {@code returnsType}, {@code returnsFields} and {@code returnsDescription},
 * about the JSON success response (empty without one); and the list {@code errors}, the notable {@code 4xx}
 * responses, whose items have {@code status} and {@code description}. See {@link ResponseTexts} for the rules
 * that keep these short. The spec's texts lose their markdown link targets ({@link DescriptionText}, issue 6)
 * and, when asked, the sentences that only pointed at a link; the template's own text stays as written. The
 * rendered text has trailing spaces removed, runs of blank lines collapsed into one, and is trimmed.
 *
 * <p>There are deliberately no per-argument values: each argument's description, type, requiredness and the
 * arguments required together ({@code dependentRequired}) are in the tool's input schema, which the model reads
 * beside the description, so repeating them would only cost tokens.
 */
public final class DescriptionComposer {

  /** Every plain value a description template may use. */
  public static final Set<String> VARIABLES = Set.of("summary", "description", "deprecated", "method", "path",
      "operationId", "returnsType", "returnsFields", "returnsDescription");

  /** Every name a description template may use: {@link #VARIABLES} and the list {@code errors}. */
  public static final DescriptionTemplate.Names NAMES = DescriptionTemplate.Names.of(VARIABLES)
      .withList("errors", DescriptionTemplate.Names.of(Set.of("status", "description")));

  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+(?=\\n|$)");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final DescriptionTemplate template;
  private final ResponseTexts responses;
  private final boolean dropReferenceSentences;

  /** A composer that knows no component schemas: response types given by {@code $ref} show their name only. */
  public DescriptionComposer(DescriptionTemplate template) {
    this(template, new ComponentSchemas(Map.of()));
  }

  /** @param components the spec's component schemas, to name and look into the success response's type */
  public DescriptionComposer(DescriptionTemplate template, ComponentSchemas components) {
    this(template, components, false);
  }

  /**
   * @param components the spec's component schemas, to name and look into the success response's type
   * @param dropReferenceSentences whether the summary and description lose the sentences that only pointed at a
   *     link (issue 6, {@link DescriptionText#plain(String, boolean)})
   */
  public DescriptionComposer(DescriptionTemplate template, ComponentSchemas components,
      boolean dropReferenceSentences) {
    this.dropReferenceSentences = dropReferenceSentences;
    this.template = template;
    this.responses = new ResponseTexts(components);
  }

  public String compose(OperationModel operation) {
    Map<String, Object> values = new LinkedHashMap<>();
    String summary = DescriptionText.plain(operation.summary(), dropReferenceSentences);
    String description = DescriptionText.plain(operation.description(), dropReferenceSentences);
    values.put("summary", orEmpty(summary).strip());
    values.put("description", addsToSummary(summary, description) ? description.strip() : "");
    values.put("deprecated", operation.deprecated() ? "true" : "");
    values.put("method", operation.method().name());
    values.put("path", operation.path());
    values.put("operationId", orEmpty(operation.operationId()));
    values.put("returnsType", responses.type(operation.response()));
    values.put("returnsFields", responses.fields(operation.response()));
    values.put("returnsDescription", ResponseTexts.description(operation.response(), operation.responses()));
    values.put("errors", ResponseTexts.errors(operation.responses()));
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
