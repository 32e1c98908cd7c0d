package dev.openapi2mcp.generator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The word rules of lint, which stop reading a long description once its verdict is clear (issue 6), give the
 * verdicts of splitting the whole text.
 */
class DescriptionRulesTest {
  private static final List<String> TEXTS = List.of("", "   ", "getPetById", "GET /pets/{petId}",
      "The HTTPServer's URLs_and snake_case words", "Ünïcödé wörds ünd Zahlen 42x", "ABCDef ghiJKL mnoP",
      "List repository issues\n\nList issues in a repository. Only open issues will be listed.", "a-b_c.d",
      "日本語のテキスト and Ελληνικά", "x", "The ID of the pet.", "petId", "Returns the pet");

  /** The definition before issue 6: case changes become spaces, then the text is split at non-letters. */
  private static List<String> wholeSplit(String text) {
    List<String> words = new ArrayList<>();
    String spaced = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])").matcher(text).replaceAll(" ");
    for (String part : Pattern.compile("[^\\p{L}\\p{N}]+").split(spaced)) {
      if (!part.isEmpty()) {
        words.add(part.toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  @Test
  void wordsAreThoseOfSplittingTheWholeText() {
    for (String text : TEXTS) {
      assertThat(DescriptionRules.words(text)).as(text).isEqualTo(wholeSplit(text));
    }
  }

  @Test
  void toolVerdictsAreThoseOfTheWholeText() {
    for (String summary : TEXTS) {
      for (String name : List.of("getPetById", "get_pet_by_id", "listIssues", "x")) {
        String expected = expectedTool(summary, name, "GET", "/pets/{petId}");
        assertThat(DescriptionRules.vagueTool(summary, "", name, "GET", "/pets/{petId}"))
            .as(summary + " / " + name).isEqualTo(expected);
      }
    }
    assertThat(DescriptionRules.vagueTool("Get pet by id", null, "getPetById", "GET", "/pet/{id}"))
        .isEqualTo("only repeats the tool name");
    assertThat(DescriptionRules.vagueTool("GET /pet/{id}", null, "fetch", "GET", "/pet/{id}"))
        .isEqualTo("only repeats method and path");
    assertThat(DescriptionRules.vagueTool("Pets", null, "list", "GET", "/pets")).isEqualTo("1 word, fewer than 3");
  }

  @Test
  void argumentVerdictsAreThoseOfTheWholeText() {
    for (String description : TEXTS) {
      for (String name : List.of("petId", "id", "per_page", "HTTPServer")) {
        List<String> words = wholeSplit(description);
        words.removeAll(DescriptionRules.FILLER);
        assertThat(DescriptionRules.vagueArgument(description, name)).as(description + " / " + name)
            .isEqualTo(wholeSplit(name).containsAll(words));
      }
    }
    assertThat(DescriptionRules.vagueArgument("The ID of the pet.", "petId")).isTrue();
    assertThat(DescriptionRules.vagueArgument("The ID of the owner.", "petId")).isFalse();
  }

  @Test
  void numbersAreGroupedAsFormatGroupsThem() {
    for (long n : new long[] {0, 7, 999, 1_000, 12_345, 999_999, 1_000_000, 1_930_308, -1, -1_234, Long.MAX_VALUE,
        Long.MIN_VALUE}) {
      assertThat(LintReport.number(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
    }
  }

  private static String expectedTool(String summary, String name, String method, String path) {
    List<String> words = wholeSplit((DescriptionRules.blank(summary) ? "" : summary) + " ");
    if (words.size() < DescriptionRules.MIN_TOOL_WORDS) {
      return words.size() + (words.size() == 1 ? " word" : " words") + ", fewer than " + DescriptionRules.MIN_TOOL_WORDS;
    }
    if (words.equals(wholeSplit(name))) {
      return "only repeats the tool name";
    }
    return words.equals(wholeSplit(method + " " + path)) ? "only repeats method and path" : null;
  }
}
