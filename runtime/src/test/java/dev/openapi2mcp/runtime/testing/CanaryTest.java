package dev.openapi2mcp.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forms {@link Canary} searches for are the ones encoders actually produce. */
class CanaryTest {
  private static final String CANARY = "Canary/s3cr3t value+ä";

  @Test
  void escapedFormsAreSpelledAsEncodersSpellThem() {
    Map<String, String> forms = Canary.encodings(CANARY);

    assertThat(forms.get("percent-encoded, upper-case hex")).isEqualTo("Canary%2Fs3cr3t%20value%2B%C3%A4");
    assertThat(forms.get("percent-encoded, lower-case hex")).isEqualTo("Canary%2fs3cr3t%20value%2b%c3%a4");
    assertThat(forms.get("form-encoded")).isEqualTo("Canary%2Fs3cr3t+value%2B%C3%A4");
    assertThat(forms.get("JSON with escaped slashes")).isEqualTo("Canary\\/s3cr3t value+ä");
    assertThat(forms.get("JSON \\u escapes, lower-case hex")).startsWith("\\u0043\\u0061").endsWith("\\u00e4");
    assertThat(forms.get("base64")).isEqualTo(
        Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theBase64PartsAreFoundInsideLongerDataWhateverTheNeighbours() {
    for (int offset = 0; offset < 3; offset++) {
      String part = Canary.base64Part(CANARY, offset, false);
      assertThat(part.length()).isGreaterThan(20);
      // Prefixes of 3 + offset bytes: the secret starts offset bytes into a group.
      for (String prefix : new String[] {"abc", "\u00ff\u00ff\u00ff", "user:"}) {
        String shifted = (prefix + "xx").substring(0, 3 + offset);
        for (String suffix : new String[] {"", "z", "\u00ff\u00ff"}) {
          assertThat(Canary.base64Within(shifted, CANARY, suffix, false))
              .as("offset %d after '%s', before '%s'", offset, shifted, suffix).contains(part);
        }
      }
    }
  }

  @Test
  void assertAbsentNamesTheFormItFoundAndPassesCleanText() {
    String echoed = "{\"k\":\"" + Canary.encodings(CANARY).get("JSON with escaped slashes") + "\"}";

    assertThatThrownBy(() -> Canary.assertAbsent(echoed, CANARY))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("the text holds a secret as JSON with escaped slashes");
    Canary.assertAbsent("{\"k\":\"***\",\"Canary\":1}", CANARY);
    assertThat(Canary.basicAuthEncodings("alice", "pw-12345").get("base64"))
        .isEqualTo(okhttp3.Credentials.basic("alice", "pw-12345").substring("Basic ".length()));
  }
}
