package dev.openapi2mcp.generator.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a tool or argument description is missing or too vague to help a model choose and call a tool.
 *
 * <p>A tool description is the operation's summary and description together (the template's own additions, such
 * as what a call returns, do not count). It is <em>missing</em> when the spec gives neither, so the tool says no
 * more than its method and path. It is <em>vague</em> when it has fewer than {@value #MIN_TOOL_WORDS} words, or
 * when its words are just those of the tool's name or of its method and path ("Get pet by id" for
 * {@code getPetById}, "GET /pets" for {@code GET /pets}).
 *
 * <p>An argument description is what the model sees in the input schema: the property's {@code description}
 * (looked up through a {@code $ref} into {@code $defs}). It is <em>vague</em> when, leaving out filler words
 * ("the", "a", "of", "value", "parameter"…), every word is one of the argument's name ("The ID" or "Pet ID" for
 * {@code petId}, "id" for {@code id}).
 */
public final class DescriptionRules {

  /** Fewer words than this make a tool description vague. */
  public static final int MIN_TOOL_WORDS = 3;

  /** Words that add nothing to an argument's name. */
  static final Set<String> FILLER = Set.of("the", "a", "an", "of", "to", "for", "this", "that", "is", "its",
      "value", "parameter", "param", "field", "argument", "property", "given", "specified", "s");

  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private DescriptionRules() {}

  /** Whether the spec says nothing about what the operation does. */
  public static boolean missing(String summary, String description) {
    return blank(summary) && blank(description);
  }

  /** Why a present tool description is vague, or null when it is not. */
  public static String vagueTool(String summary, String description, String toolName, String method,
      String path) {
    String text = (blank(summary) ? "" : summary) + " " + (blank(description) ? "" : description);
    List<String> words = words(text);
    if (words.size() < MIN_TOOL_WORDS) {
      return words.size() + (words.size() == 1 ? " word" : " words") + ", fewer than " + MIN_TOOL_WORDS;
    }
    if (words.equals(words(toolName))) {
      return "only repeats the tool name";
    }
    if (words.equals(words(method + " " + path))) {
      return "only repeats method and path";
    }
    return null;
  }

  /** Whether an argument's description says no more than its name. */
  public static boolean vagueArgument(String description, String argumentName) {
    List<String> words = words(description);
    words.removeAll(FILLER);
    return words(argumentName).containsAll(words);
  }

  /** Lower-case words, camelCase and snake_case split. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    for (String part : NON_WORD.split(CAMEL.matcher(text).replaceAll(" "))) {
      if (!part.isEmpty()) {
        words.add(part.toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
