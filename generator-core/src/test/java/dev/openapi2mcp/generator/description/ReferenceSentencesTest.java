package dev.openapi2mcp.generator.description;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 6: sentences that only pointed at a stripped link target leave the description; the rest stays. */
class ReferenceSentencesTest {

  private static String dropped(String text) {
    String once = DescriptionText.plain(text, true);
    assertThat(DescriptionText.plain(once, true)).as("idempotent").isEqualTo(once);
    return once;
  }

  @Test
  void aPointerAfterAnotherSentenceGoesWithTheSpaceBeforeIt() {
    assertThat(dropped("The number of results per page (max 100). For more information, see \"[Using pagination"
        + " in the REST API](https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api).\""))
        .isEqualTo("The number of results per page (max 100).");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "A. For more information, see [Media types](https://x.example/m).|A.",
      "A. For details, see [Limits](https://x.example/l).|A.",
      "A. For more details about rate limits, see [Limits](/l).|A.",
      "A. For more information, refer to the [guide](https://x.example/g).|A.",
      "A. See [Limits](https://x.example/l).|A.",
      "A. See also [Limits](https://x.example/l) for more information.|A.",
      "A. See the [Limits](https://x.example/l) documentation.|A.",
      "A. Learn more about tokens in [Tokens](https://x.example/t).|A.",
      "A. For more information, see \"[One](/1)\" and \"[Two](/2).\"|A.",
      "A. For more information, see [One](/1), [Two](/2) or [Three](/3).|A.",
      "A. For more information, see [GitHub's products](https://x.example/p) in the GitHub Help documentation.|A.",
      "A! See [Limits](https://x.example/l). B.|A! B.",
  })
  void referenceOnlySentencesGo(String text, String expected) {
    assertThat(dropped(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      // the sentence says more than where to look
      "A. See [Limits](https://x.example/l) for the allowed values, e.g. 10.|A. See Limits for the allowed values, e.g. 10.",
      "A. For more information, see [Limits](/l) and set `per_page` to 100.|A. For more information, see Limits and set `per_page` to 100.",
      // "see" in the middle of a sentence
      "The id, see [Limits](https://x.example/l).|The id, see Limits.",
      // the pointer names plain text, perhaps another tool: nothing was stripped
      "A. See listPets for the ids.|A. See listPets for the ids.",
      "A. For more information, see \"Media types.\"|A. For more information, see \"Media types.\"",
      // no period: a heading or a fragment
      "Notes. See [Limits](https://x.example/l)|Notes. See Limits",
  })
  void otherSentencesStay(String text, String expected) {
    assertThat(dropped(text)).isEqualTo(expected);
  }

  @Test
  void aPointerThatIsTheWholeTextStaysSoThatNoTextIsEmptied() {
    assertThat(dropped("See [Limits](https://x.example/l).")).isEqualTo("See Limits.");
  }

  @Test
  void aPointerParagraphGoesWithItsBlankLinesAndAListItemThatWasOnlyAPointerGoesWhole() {
    String text = "Creates an issue.\n\nFor more information, see \"[Rate limits](https://x.example/r)\"\n"
        + "and \"[Best practices](https://x.example/b).\"\n\nReturns: issue.";
    assertThat(dropped(text)).isEqualTo("Creates an issue.\n\nReturns: issue.");
    assertThat(dropped("> [!NOTE]\n> - You must be an admin. For more information, see \"[Admins](/a).\"\n"
        + "> - See [Tokens](/t).\n> - Tokens expire."))
        .isEqualTo("> [!NOTE]\n> - You must be an admin.\n> - Tokens expire.");
  }

  @Test
  void codeSpansAreNeverPartOfADroppedSentence() {
    assertThat(dropped("Use `See [x](https://x.example).` as is. For details, see [y](https://y.example)."))
        .isEqualTo("Use `See [x](https://x.example).` as is.");
  }

  @Test
  void withoutTheSettingOnlyLinkTargetsGo() {
    assertThat(DescriptionText.plain("A. For more information, see [Media types](https://x.example/m)."))
        .isEqualTo("A. For more information, see Media types.");
    assertThat(DescriptionText.plain("A. See [Limits](https://x.example/l).", false)).isEqualTo("A. See Limits.");
  }

  @Test
  void textWithoutLinksComesBackAsTheSameInstance() {
    String text = "A. For more information, see the docs.";
    assertThat(DescriptionText.plain(text, true)).isSameAs(text);
  }
}
