package dev.openapi2mcp.generator.description;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 6: link targets leave descriptions, link text and everything that is no link stay. */
class DescriptionTextTest {

  private static String plain(String text) {
    String once = DescriptionText.plain(text);
    assertThat(DescriptionText.plain(once)).as("idempotent").isEqualTo(once);
    return once;
  }

  @Test
  void anInlineLinkBecomesItsText() {
    assertThat(plain("The number of results per page (max 100). For more information, see \"[Using pagination in"
        + " the REST API](https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api).\""))
        .isEqualTo("The number of results per page (max 100). For more information, see \"Using pagination in the"
            + " REST API.\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
      "see [docs](https://x.example/a \"Title\") now | see docs now",
      "see [docs](https://x.example/a 'Title') now | see docs now",
      "see [docs](https://x.example/a (Title)) now | see docs now",
      "see [docs](<https://x.example/a b>) now | see docs now",
      "a [relative](/rest/actions/secrets) link | a relative link",
      "an [anchor](#list-review-comments) link | an anchor link",
      "up [one](../guide.md) | up one",
      "wiki [ISO 8601](https://en.wikipedia.org/wiki/ISO_8601_(format)) time | wiki ISO 8601 time",
      "[empty]() is no link | [empty]() is no link",
      "[](https://x.example/only-target) gone | ^ gone^",
      "two [a](https://a.example) and [b](https://b.example). | two a and b.",
  })
  void inlineLinkVariants(String text, String expected) {
    assertThat(plain(text)).isEqualTo(expected);
  }

  @Test
  void nestedBracketsInTheLinkTextStay() {
    assertThat(plain("use [the [beta] API](https://x.example/beta) here")).isEqualTo("use the [beta] API here");
  }

  @Test
  void anImageBecomesItsAltTextAndABadgeLinkItsInnerAltText() {
    assertThat(plain("Diagram: ![the flow of a run](https://x.example/flow.png)."))
        .isEqualTo("Diagram: the flow of a run.");
    assertThat(plain("[![build status](https://ci.example/badge.svg)](https://ci.example/runs) ok"))
        .isEqualTo("build status ok");
  }

  @Test
  void referenceLinksBecomeTheirTextAndTheirDefinitionsGo() {
    String text = """
        Read [the guide][guide], the [FAQ][] and [Limits].

        [guide]: https://x.example/guide "The guide"
        [faq]: https://x.example/faq
          [limits]: <https://x.example/limits>
        """;
    assertThat(plain(text)).isEqualTo("Read the guide, the FAQ and Limits.");
  }

  @Test
  void bracketsThatAreNoLinkStayAsWritten() {
    for (String text : new String[] {
        "items[0] and matrix[1][2]",
        "a map[string](int) value",
        "an [undefined][nowhere] reference and a [lone] label",
        "escaped \\[not a link\\](https://x.example)",
        "mail [support](mailto:help@example.com) today",
        "autolink <https://x.example/a> and bare https://x.example/b",
        "unclosed [text](https://x.example/a",
    }) {
      assertThat(DescriptionText.plain(text)).as(text).isSameAs(text);
    }
  }

  @Test
  void codeSpansAndFencedCodeAreUntouched() {
    assertThat(plain("Use `[x](https://x.example)` or ``a ` [b](https://b.example)`` but [c](https://c.example)."))
        .isEqualTo("Use `[x](https://x.example)` or ``a ` [b](https://b.example)`` but c.");
    String fenced = """
        Example:
        ```
        [ref]: https://x.example/not-a-definition
        see [x](https://x.example)
        ```""";
    assertThat(DescriptionText.plain(fenced)).isSameAs(fenced);
  }

  @Test
  void aBracketInsideACodeSpanDoesNotCloseTheLinkText() {
    assertThat(plain("the [`a]b` field](https://x.example/f) is set")).isEqualTo("the `a]b` field is set");
  }

  @Test
  void nullAndTextWithoutLinksComeBackAsGiven() {
    assertThat(DescriptionText.plain(null)).isNull();
    String text = "No links (here), just text.";
    assertThat(DescriptionText.plain(text)).isSameAs(text);
  }
}
