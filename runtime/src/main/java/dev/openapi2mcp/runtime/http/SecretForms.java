package dev.openapi2mcp.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The literal forms in which an API may echo a secret, before any escaping: the secret itself and its base64
 * encodings. Escaped forms (percent-encoding, JSON escapes) of each literal are recognized by {@link SecretMatcher},
 * so they are not listed here.
 *
 * <p>Base64, standard and URL-safe alphabets (RFC 4648 sections 4 and 5): the whole encoding of the secret, with
 * and without padding, and the part of it that stays the same wherever the secret sits inside longer encoded data.
 * Inside longer data the secret may start at any of three byte offsets within a 3-byte group; for each offset the
 * characters that also depend on the neighbouring bytes are left out. A part shorter than
 * {@value #MIN_BASE64_PART} characters is not listed: in ordinary base64 text it would turn up by chance.
 */
final class SecretForms {
  /** The shortest base64 part that is scrubbed. */
  static final int MIN_BASE64_PART = 8;

  private SecretForms() {}

  /** The secret and its base64 forms, each at most once. */
  static Set<String> of(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    String whole = Base64.getEncoder().encodeToString(bytes);
    addBase64(forms, whole);
    addBase64(forms, whole.replace("=", ""));
    for (int offset = 0; offset < 3; offset++) {
      addBase64(forms, stablePart(bytes, offset));
    }
    return forms;
  }

  /**
   * The base64 characters of {@code secret} placed {@code offset} bytes into a 3-byte group that no neighbouring
   * byte influences: character {@code m} covers bits {@code [6m, 6m + 6)}, which must lie inside the secret's bits.
   */
  static String stablePart(byte[] secret, int offset) {
    byte[] shifted = new byte[offset + secret.length];
    System.arraycopy(secret, 0, shifted, offset, secret.length);
    String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
    int first = (8 * offset + 5) / 6;
    int end = 8 * (offset + secret.length) / 6;
    return first < end ? encoded.substring(first, end) : "";
  }

  private static void addBase64(Set<String> forms, String standard) {
    if (standard.length() >= MIN_BASE64_PART) {
      forms.add(standard);
      forms.add(standard.replace('+', '-').replace('/', '_'));
    }
  }
}
