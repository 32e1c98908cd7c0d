package dev.openapi2mcp.runtime.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which parameter and property names carry secrets, so that their values are shown as {@code ***} in the audit
 * trail and in URLs that leave the invoker.
 *
 * <p>A name is compared with case and separators ignored ({@code X-Api-Key}, {@code api_key} and {@code apiKey} are
 * all {@code apikey}). It looks secret when it is {@code authorization}, {@code proxyauthorization}, {@code cookie},
 * {@code setcookie} or {@code auth}, or contains {@code token}, {@code secret}, {@code password}, {@code passwd},
 * {@code credential}, {@code privatekey}, {@code accesskey}, {@code sessionid}, {@code signature}, or matches
 * {@code api…key} ({@code api} with {@code key} somewhere after it). Erring towards redaction is intended: a
 * redacted harmless value costs little.
 *
 * <p>Names come from the model too (argument keys at any depth), so the test is linear in the name's length: a
 * regular expression such as {@code api.*key} rescans the rest of the name from every {@code api} in it, which
 * takes seconds on a name of a few ten thousand characters.
 */
final class SecretNames {
  private static final Set<String> EXACT =
      Set.of("authorization", "proxyauthorization", "cookie", "setcookie", "auth");
  private static final List<String> CONTAINED = List.of("token", "secret", "password", "passwd", "credential",
      "privatekey", "accesskey", "sessionid", "signature");

  private SecretNames() {}

  static boolean looksSecret(String name) {
    if (name == null) {
      return false;
    }
    String normalized = normalize(name);
    if (EXACT.contains(normalized)) {
      return true;
    }
    for (String word : CONTAINED) {
      if (normalized.contains(word)) {
        return true;
      }
    }
    // The earliest "api" leaves the most room for a "key" after it, so looking after that one alone suffices.
    int api = normalized.indexOf("api");
    return api >= 0 && normalized.indexOf("key", api + 3) >= 0;
  }

  /** Lower case, letters and digits only. */
  static String normalize(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
