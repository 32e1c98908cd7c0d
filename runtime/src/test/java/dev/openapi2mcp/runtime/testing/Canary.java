package dev.openapi2mcp.runtime.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A secret planted in a configuration so that tests can search everything a server put out for it, in every form
 * an API or a serializer might have turned it into: raw; percent-encoded with upper- and lower-case hex (only
 * reserved characters, and every byte), HTML-form encoded; JSON-escaped ({@code \/}, and every character as
 * {@code \}{@code uXXXX} in either case); base64 and base64url, with and without padding; and the part of its base64
 * that stays the same inside longer encoded data, for each of the three byte offsets within a 3-byte group.
 *
 * <p>The forms are computed here independently of the runtime's scrubber (the base64 parts by comparing encodings
 * with all-zero and all-one neighbouring bytes), so that a test using them checks the scrubber rather than repeats
 * it. Use canaries of at least a dozen characters with a {@code /}, a {@code +}-producing byte pattern or a space,
 * so that the escaped forms differ from the raw one.
 */
public final class Canary {
  private Canary() {}

  /** Form name → the canary in that form. */
  public static Map<String, String> encodings(String secret) {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("raw", secret);
    forms.put("percent-encoded, upper-case hex", percent(secret, true, false));
    forms.put("percent-encoded, lower-case hex", percent(secret, false, false));
    forms.put("every byte percent-encoded", percent(secret, false, true));
    forms.put("form-encoded", java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8));
    forms.put("JSON with escaped slashes", secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
    forms.put("JSON \\u escapes, upper-case hex", unicodeEscaped(secret, true));
    forms.put("JSON \\u escapes, lower-case hex", unicodeEscaped(secret, false));
    for (boolean urlSafe : new boolean[] {false, true}) {
      String alphabet = urlSafe ? "base64url" : "base64";
      forms.put(alphabet, base64(secret, urlSafe, true));
      forms.put(alphabet + " without padding", base64(secret, urlSafe, false));
      for (int offset = 0; offset < 3; offset++) {
        forms.put(alphabet + " inside longer data at offset " + offset, base64Part(secret, offset, urlSafe));
      }
    }
    return forms;
  }

  /** The forms of the {@code user:password} pair of HTTP basic authentication (its base64 is the header value). */
  public static Map<String, String> basicAuthEncodings(String user, String password) {
    return encodings(user + ":" + password);
  }

  /**
   * Fails naming the canary's form when {@code text} contains any form of any of {@code secrets}.
   *
   * @throws AssertionError naming the form found
   */
  public static void assertAbsent(String text, String... secrets) {
    for (String secret : secrets) {
      for (Map.Entry<String, String> form : encodings(secret).entrySet()) {
        int at = text.indexOf(form.getValue());
        if (at >= 0) {
          throw new AssertionError("the text holds a secret as " + form.getKey() + " (" + form.getValue()
              + "): " + (text.length() <= 2_000 ? text : "..." + text.substring(Math.max(0, at - 500),
                  Math.min(text.length(), at + 500)) + "..."));
        }
      }
    }
  }

  /** Percent-encoding of the UTF-8 bytes: those outside RFC 3986 unreserved, or all of them. */
  public static String percent(String secret, boolean upperCase, boolean everyByte) {
    StringBuilder out = new StringBuilder();
    for (byte b : secret.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0;
      if (unreserved && !everyByte) {
        out.append(c);
      } else {
        String hex = String.format("%%%02x", b & 0xFF);
        out.append(upperCase ? hex.toUpperCase() : hex);
      }
    }
    return out.toString();
  }

  /** Every UTF-16 unit as a JSON {@code \}{@code uXXXX} escape. */
  public static String unicodeEscaped(String secret, boolean upperCase) {
    StringBuilder out = new StringBuilder();
    for (char c : secret.toCharArray()) {
      String hex = String.format("%04x", (int) c);
      out.append("\\u").append(upperCase ? hex.toUpperCase() : hex);
    }
    return out.toString();
  }

  public static String base64(String secret, boolean urlSafe, boolean padded) {
    return base64(secret.getBytes(StandardCharsets.UTF_8), urlSafe, padded);
  }

  /** The base64 of {@code prefix}, the secret and {@code suffix}: the secret inside longer encoded data. */
  public static String base64Within(String prefix, String secret, String suffix, boolean urlSafe) {
    return base64(prefix + secret + suffix, urlSafe, true);
  }

  /**
   * The characters of the secret's base64 that no neighbouring byte changes when the secret starts {@code offset}
   * bytes into a 3-byte group: where the encodings with all-zero and all-one neighbours agree.
   */
  public static String base64Part(String secret, int offset, boolean urlSafe) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    String zeros = base64(surrounded(bytes, offset, (byte) 0), urlSafe, false);
    String ones = base64(surrounded(bytes, offset, (byte) 0xFF), urlSafe, false);
    int first = 0;
    while (zeros.charAt(first) != ones.charAt(first)) {
      first++;
    }
    int end = first;
    while (end < zeros.length() && zeros.charAt(end) == ones.charAt(end)) {
      end++;
    }
    return zeros.substring(first, end);
  }

  private static byte[] surrounded(byte[] secret, int offset, byte fill) {
    byte[] out = new byte[offset + secret.length + 3];
    java.util.Arrays.fill(out, fill);
    System.arraycopy(secret, 0, out, offset, secret.length);
    return out;
  }

  private static String base64(byte[] bytes, boolean urlSafe, boolean padded) {
    Base64.Encoder encoder = urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder();
    return (padded ? encoder : encoder.withoutPadding()).encodeToString(bytes);
  }
}
