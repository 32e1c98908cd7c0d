package dev.openapi2mcp.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Parsing and checking of static bearer tokens (issue 5). */
class StaticTokensTest {
  private static final String FIRST = "tok-AAAAAAAAAAAAAAAA";
  private static final String SECOND = "tok-BBBBBBBBBBBBBBBB";

  private static Function<String, String> headers(Map<String, String> values) {
    Map<String, String> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    insensitive.putAll(values);
    return insensitive::get;
  }

  private static AuthDecision check(StaticTokens tokens, Map<String, String> values) {
    return tokens.authenticate(headers(values));
  }

  @Test
  void theCallerIsTheLabelOrThePositionNeverTheToken() {
    StaticTokens tokens = StaticTokens.parse("env", FIRST + ", ci-bot:" + SECOND, false, null);

    assertThat(check(tokens, Map.of("Authorization", "Bearer " + FIRST)))
        .isEqualTo(new AuthDecision.Allowed(new Principal("token:#1", java.util.Set.of())));
    assertThat(check(tokens, Map.of("authorization", "bearer " + SECOND)))
        .isEqualTo(new AuthDecision.Allowed(new Principal("token:ci-bot", java.util.Set.of())));
  }

  @Test
  void aFileHasOneTokenPerLineWithCommentsAndBlankLines() {
    StaticTokens tokens = StaticTokens.parse("file", "# team tokens\n\n" + FIRST + "\r\nops:" + SECOND + "\n", true,
        null);

    assertThat(tokens.size()).isEqualTo(2);
    assertThat(check(tokens, Map.of("Authorization", "Bearer " + SECOND)))
        .isEqualTo(new AuthDecision.Allowed(new Principal("token:ops", java.util.Set.of())));
  }

  @Test
  void aWrongOrMissingTokenIs401AndNeverEchoesIt() {
    StaticTokens tokens = StaticTokens.parse("env", FIRST, false, null);

    AuthDecision wrong = check(tokens, Map.of("Authorization", "Bearer " + FIRST + "x"));
    AuthDecision prefix = check(tokens, Map.of("Authorization", "Bearer " + FIRST.substring(0, 10)));
    AuthDecision missing = check(tokens, Map.of());
    AuthDecision basic = check(tokens, Map.of("Authorization", "Basic " + FIRST));

    assertThat(wrong).isEqualTo(new AuthDecision.Refused(401, "Bearer error=\"invalid_token\"",
        "Unauthorized: the token is not valid"));
    assertThat(prefix).isEqualTo(wrong);
    assertThat(missing).isEqualTo(new AuthDecision.Refused(401, "Bearer",
        "Unauthorized: send a token as 'Authorization: Bearer <token>'"));
    assertThat(basic).isEqualTo(missing);
  }

  @Test
  void anApiKeyHeaderMayCarryTheTokenWhenConfigured() {
    StaticTokens withHeader = StaticTokens.parse("env", FIRST, false, "X-API-Key");
    StaticTokens without = StaticTokens.parse("env", FIRST, false, null);

    assertThat(check(withHeader, Map.of("x-api-key", FIRST))).isInstanceOf(AuthDecision.Allowed.class);
    assertThat(check(without, Map.of("X-API-Key", FIRST))).isInstanceOf(AuthDecision.Refused.class);
    assertThat(((AuthDecision.Refused) check(withHeader, Map.of())).message())
        .isEqualTo("Unauthorized: send a token as 'Authorization: Bearer <token>' or in the X-API-Key header");
  }

  @Test
  void mistakesNameTheSourceAndPositionButNotTheToken() {
    assertThatThrownBy(() -> StaticTokens.parse("variable T", FIRST + ",short", false, null))
        .hasMessage("variable T, entry 2: a token must have at least 16 characters");
    assertThatThrownBy(() -> StaticTokens.parse("file f", FIRST + "\nbad label:" + SECOND, true, null))
        .hasMessage("file f, line 2: a label may hold 1 to 64 letters, digits and . _ @ -");
    assertThatThrownBy(() -> StaticTokens.parse("variable T", "a:" + FIRST + ",a:" + SECOND, false, null))
        .hasMessage("variable T, entry 2: the label 'a' is used twice");
    assertThatThrownBy(() -> StaticTokens.parse("variable T", FIRST + "," + FIRST, false, null))
        .hasMessage("variable T, entry 2: the same token is listed twice")
        .message().doesNotContain(FIRST);
    assertThatThrownBy(() -> StaticTokens.parse("variable T", "tok with spaces in it!", false, null))
        .message().startsWith("variable T, entry 1: a token must be a bearer token");
    assertThatThrownBy(() -> StaticTokens.parse("variable T", " , ", false, null))
        .hasMessage("variable T holds no token");
  }
}
