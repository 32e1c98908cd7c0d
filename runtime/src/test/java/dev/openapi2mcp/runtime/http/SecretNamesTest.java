package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which names count as secret, and (issue 11) that deciding it is linear in the name's length: argument keys at any
 * depth come from the model, and the regular expression {@code api.*key} took seconds on a 50,000-character key
 * made of repeated {@code api}, rescanning the rest of the key from each one.
 */
class SecretNamesTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(textBlock = """
      Authorization,     true
      Proxy-Authorization, true
      cookie,            true
      Set-Cookie,        true
      auth,              true
      author,            false
      oauth_state,       false
      X-Api-Key,         true
      api_key,           true
      apiKey,            true
      X-API-Client-Key,  true
      keyApi,            false
      access_token,      true
      client-secret,     true
      Password,          true
      passwd,            true
      aws_credentials,   true
      private_key,       true
      AccessKeyId,       true
      JSESSIONID,        true
      session_id,        true
      Signature,         true
      petId,             false
      apiVersion,        false
      """)
  void secretLookingNames(String name, boolean secret) {
    assertThat(SecretNames.looksSecret(name)).isEqualTo(secret);
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "apik", "a-p-i"})
  void aLongModelSuppliedKeyIsJudgedQuickly(String unit) {
    String key = unit.repeat(50_000 / unit.length());

    boolean secret = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> SecretNames.looksSecret(key));

    assertThat(secret).isFalse();
    assertThat(SecretNames.looksSecret(key + "key")).isTrue();
  }
}
