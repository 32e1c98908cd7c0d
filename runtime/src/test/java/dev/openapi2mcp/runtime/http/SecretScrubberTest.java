package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.testing.Canary;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scrubber behind every result, log message and audit line (issue 11, item 8): escapes mixed within one
 * occurrence, secrets that themselves hold escape characters, JSON names and numbers, the bound on obtained tokens,
 * and one pass over a large text however many secrets are held.
 */
class SecretScrubberTest {
  private static SecretScrubber holding(String... secrets) {
    SecretScrubber scrubber = new SecretScrubber();
    for (String secret : secrets) {
      scrubber.keep(secret);
    }
    return scrubber;
  }

  @Test
  void escapesMayBeMixedWithinOneOccurrence() {
    SecretScrubber scrubber = holding("a/b c+d€x");

    assertThat(scrubber.scrub("<a\\/b%20c%2bd%E2%82%ACx>")).isEqualTo("<***>");
    assertThat(scrubber.scrub("<\\u0061/b+c\\u002Bd\\u20acx>")).isEqualTo("<***>");
    assertThat(scrubber.scrub("<a/b c+d€y>")).isEqualTo("<a/b c+d€y>");
  }

  @Test
  void secretsHoldingEscapeCharactersAndCharactersBeyondTheBmpAreFound() {
    SecretScrubber scrubber = holding("p%25\\\\q", "key\uD83D\uDE00z");

    assertThat(scrubber.scrub("[p%25\\\\q]")).isEqualTo("[***]");
    assertThat(scrubber.scrub("[p%2525%5C%5cq]")).isEqualTo("[***]");
    assertThat(scrubber.scrub("[key\\ud83d\\ude00z] [key%F0%9F%98%80z]")).isEqualTo("[***] [***]");
    assertThat(holding("x\u00e9/yz").scrub("x\u00e9/yz x%C3%A9%2Fyz x\\u00E9\\/yz")).isEqualTo("*** *** ***");
  }

  @Test
  void shortValuesAndShortBase64PartsAreLeftAlone() {
    SecretScrubber scrubber = holding("abc", "abcd");

    assertThat(scrubber.scrub("abc abcd YWJjZA")).isEqualTo("abc *** YWJjZA");
    assertThat(SecretForms.of("abcd")).containsExactly("abcd", "YWJjZA==");
  }

  @Test
  void jsonValuesNamesAndNumbersAreScrubbedInACopy() throws Exception {
    SecretScrubber scrubber = holding("s3cr3t/val", "12345678");
    JsonNode node = Harness.JSON.readTree(
        "{\"s3cr3t\\/val\":[\"x s3cr3t/val\",12345678,7],\"keep\":{\"n\":1.5,\"t\":true,\"z\":null}}");

    JsonNode scrubbed = scrubber.scrub(node);

    assertThat(scrubbed.toString())
        .isEqualTo("{\"***\":[\"x ***\",\"***\",7],\"keep\":{\"n\":1.5,\"t\":true,\"z\":null}}");
    assertThat(node.has("s3cr3t/val")).as("the input is not modified").isTrue();
  }

  @Test
  void textWithoutSecretsIsReturnedAsItIs() {
    String text = "nothing to see here \\u0041 %41";

    assertThat(holding("s3cr3t-value").scrub(text)).isSameAs(text);
    assertThat(holding().scrub(text)).isSameAs(text);
  }

  @Test
  void onlyTheMostRecentObtainedTokensAreKept() {
    SecretScrubber scrubber = holding("configured-secret");
    for (int i = 0; i <= SecretScrubber.MAX_OBTAINED; i++) {
      scrubber.remember("token-" + i + "-value");
    }

    assertThat(scrubber.scrub("token-0-value token-1-value token-" + SecretScrubber.MAX_OBTAINED + "-value"))
        .isEqualTo("token-0-value *** ***");
    assertThat(scrubber.scrub("configured-secret")).isEqualTo("***");
  }

  @Test
  void base64InsideLongerDataIsFoundAtEveryOffset() {
    String secret = "pw/Canary:pass 77";
    SecretScrubber scrubber = holding(secret);
    for (String prefix : new String[] {"w", "wx", "wxy"}) {
      for (boolean urlSafe : new boolean[] {false, true}) {
        String scrubbed = scrubber.scrub(Canary.base64Within(prefix, secret, "tail-bytes", urlSafe));
        assertThat(scrubbed).contains("***");
        Canary.assertAbsent(scrubbed, secret);
      }
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void kilobyteTokensFillTheRegistryWithoutBlowingUp() {
    SecretScrubber scrubber = holding();
    String body = "eyJhbGciOiJSUzI1NiJ9." + "x".repeat(1000);
    for (int i = 0; i < SecretScrubber.MAX_OBTAINED; i++) {
      scrubber.remember(body + i + ".sig");
    }

    String echoed = "{\"token\":\"" + body + "17.sig\",\"b64\":\"" + Canary.base64("a" + body + "200.sig", true,
        false) + "\"}";
    assertThat(scrubber.scrub(echoed)).isEqualTo("{\"token\":\"***\",\"b64\":\"" + "YW" + "***\"}");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aMebibyteOfEscapesIsOnePassWithManySecretsHeld() {
    SecretScrubber scrubber = holding("configured-secret");
    for (int i = 0; i < SecretScrubber.MAX_OBTAINED; i++) {
      scrubber.remember("token-" + i + "-value-abcdefgh");
    }
    String text = "\\u0074%74\\\\t\"".repeat(1 << 16) + "token-9-value-abcdefgh";

    for (int round = 0; round < 20; round++) {
      assertThat(scrubber.scrub(text)).endsWith("\"***");
    }
  }
}
