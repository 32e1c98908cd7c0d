package dev.openapi2mcp.generator.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
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
  private static final Pattern WORD_RUN = Pattern.compile("[\\p{L}\\p{N}]+");

  private DescriptionRules() {}

  /** Whether the spec says nothing about what the operation does. */
  public static boolean missing(String summary, String description) {
    return blank(summary) && blank(description);
  }

  /** Why a present tool description is vague, or null when it is not. */
  public static String vagueTool(String summary, String description, String toolName, String method,
      String path) {
    String text = (blank(summary) ? "" : summary) + " " + (blank(description) ? "" : description);
    List<String> nameWords = words(toolName);
    List<String> pathWords = words(method + " " + path);
    // Issue 6: a description is vague only when it has as few words as these, so reading one more word than the
    // longest of them decides; long descriptions are not split to the end.
    int enough = Math.max(MIN_TOOL_WORDS, Math.max(nameWords.size(), pathWords.size())) + 1;
    List<String> words = new ArrayList<>();
    forEachWord(text, word -> words.add(word) && words.size() < enough);
    if (words.size() < MIN_TOOL_WORDS) {
      return words.size() + (words.size() == 1 ? " word" : " words") + ", fewer than " + MIN_TOOL_WORDS;
    }
    if (words.equals(nameWords)) {
      return "only repeats the tool name";
    }
    if (words.equals(pathWords)) {
      return "only repeats method and path";
    }
    return null;
  }

  /** Whether an argument's description says no more than its name: each of its words, fillers aside, is in it. */
  public static boolean vagueArgument(String description, String argumentName) {
    List<String> nameWords = words(argumentName);
    return forEachWord(description, word -> FILLER.contains(word) || nameWords.contains(word));
  }

  /** Lower-case words, camelCase and snake_case split. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    forEachWord(text, words::add);
    return words;
  }

  /**
   * Gives {@code text}'s words in order, as {@link #words} lists them, until {@code next} returns false: runs of
   * letters and digits, each split where camelCase changes case (a case change is never at a run's edge).
   *
   * @return whether {@code next} accepted every word (true for a text without words)
   */
  private static boolean forEachWord(String text, Predicate<String> next) {
    if (text == null) {
      return true;
    }
    Matcher run = WORD_RUN.matcher(text);
    while (run.find()) {
      for (String part : CAMEL.split(run.group())) {
        if (!part.isEmpty() && !next.test(part.toLowerCase(Locale.ROOT))) {
          return false;
        }
      }
    }
    return true;
  }

  static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
