package dev.openapi2mcp.runtime.http;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which parameter and property names carry secrets, so that their values are shown as {@code ***} in the audit
 * trail and in URLs that leave the invoker.
 *
 * <p>A name is compared with case and separators ignored ({@code X-Api-Key}, {@code api_key} and {@code apiKey} are
 * all {@code apikey}). It looks secret when it is {@code authorization}, {@code proxyauthorization}, {@code cookie},
 * {@code setcookie} or {@code auth}, or contains {@code token}, {@code secret}, {@code password}, {@code passwd},
 * {@code credential}, {@code privatekey}, {@code accesskey}, {@code sessionid}, {@code signature}, or matches
 * {@code api…key}. Erring towards redaction is intended: a redacted harmless value costs little.
 */
final class SecretNames {
  private static final Pattern SECRET = Pattern.compile(
      "^(authorization|proxyauthorization|cookie|setcookie|auth)$"
          + "|token|secret|password|passwd|credential|privatekey|accesskey|sessionid|signature|api.*key");

  private SecretNames() {}

  static boolean looksSecret(String name) {
    return name != null && SECRET.matcher(normalize(name)).find();
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
