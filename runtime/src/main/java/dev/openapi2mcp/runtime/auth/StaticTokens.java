package dev.openapi2mcp.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Inbound auth with static bearer tokens from configuration (issue 5). A request is allowed when it carries one of
 * the tokens as {@code Authorization: Bearer <token>} or, when configured, in an API-key header.
 *
 * <p>Token lists: entries are {@code token} or {@code label:token}, separated by commas (environment variable) or
 * lines (file; blank lines and lines starting with {@code #} are skipped). Tokens have the RFC 6750
 * {@code b64token} form, which holds no {@code :}, so the first colon ends the label. The caller becomes
 * {@code token:<label>}, or {@code token:#<n>} (1-based position) without a label; the token itself is never kept in
 * the clear, logged, or shown.
 *
 * <p>Comparison is constant-time: the presented token is hashed and compared with every configured hash with
 * {@link MessageDigest#isEqual}, without stopping at the first match, so timing reveals neither a token's prefix
 * nor which entry matched.
 */
public final class StaticTokens implements InboundAuth {
  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final List<Entry> entries;
  private final String apiKeyHeader;

  private record Entry(String caller, byte[] digest) {}

  private StaticTokens(List<Entry> entries, String apiKeyHeader) {
    this.entries = List.copyOf(entries);
    this.apiKeyHeader = apiKeyHeader;
  }

  /**
   * Parses a token list.
   *
   * @param source where the list came from, for error messages (e.g. {@code environment variable MCP_TOKENS})
   * @param text the list
   * @param fromFile whether entries are one per line (file) or comma-separated (environment variable)
   * @param apiKeyHeader a header that may carry the token instead of {@code Authorization}, or null
   * @throws IllegalArgumentException naming the source and the entry's position when the list is empty, an entry is
   *     malformed, or a label or token repeats; the message never holds a token
   */
  public static StaticTokens parse(String source, String text, boolean fromFile, String apiKeyHeader) {
    List<Entry> entries = new ArrayList<>();
    Set<String> callers = new HashSet<>();
    Set<String> digests = new HashSet<>();
    String[] items = fromFile ? text.split("\\R") : text.split(",");
    for (int i = 0; i < items.length; i++) {
      String item = items[i].trim();
      if (item.isEmpty() || (fromFile && item.startsWith("#"))) {
        continue;
      }
      String where = source + (fromFile ? ", line " + (i + 1) : ", entry " + (i + 1));
      int colon = item.indexOf(':');
      String label = colon < 0 ? "#" + (entries.size() + 1) : item.substring(0, colon).trim();
      String token = colon < 0 ? item : item.substring(colon + 1).trim();
      if (colon >= 0 && !LABEL.matcher(label).matches()) {
        throw new IllegalArgumentException(where + ": a label may hold 1 to 64 letters, digits and . _ @ -");
      }
      if (!B64TOKEN.matcher(token).matches()) {
        throw new IllegalArgumentException(where + ": a token must be a bearer token (letters, digits and "
            + "- . _ ~ + / with optional trailing =), without spaces");
      }
      if (token.length() < 16) {
        throw new IllegalArgumentException(where + ": a token must have at least 16 characters");
      }
      String caller = "token:" + label;
      byte[] digest = sha256(token);
      if (!callers.add(caller)) {
        throw new IllegalArgumentException(where + ": the label '" + label + "' is used twice");
      }
      if (!digests.add(java.util.HexFormat.of().formatHex(digest))) {
        throw new IllegalArgumentException(where + ": the same token is listed twice");
      }
      entries.add(new Entry(caller, digest));
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(source + " holds no token");
    }
    return new StaticTokens(entries, apiKeyHeader);
  }

  /** How many tokens are accepted. */
  public int size() {
    return entries.size();
  }

  @Override
  public AuthDecision authenticate(Function<String, String> headers) {
    String presented = BearerChallenge.token(headers);
    if (presented == null && apiKeyHeader != null) {
      String value = headers.apply(apiKeyHeader);
      presented = value == null || value.isBlank() ? null : value.trim();
    }
    if (presented == null) {
      return new AuthDecision.Refused(401, BearerChallenge.bearer().toString(),
          "Unauthorized: send a token as 'Authorization: Bearer <token>'"
              + (apiKeyHeader != null ? " or in the " + apiKeyHeader + " header" : ""));
    }
    byte[] digest = sha256(presented);
    String match = null;
    for (Entry entry : entries) {
      // No early exit: every entry is compared whatever the outcome.
      if (MessageDigest.isEqual(entry.digest(), digest) && match == null) {
        match = entry.caller();
      }
    }
    if (match == null) {
      return new AuthDecision.Refused(401,
          BearerChallenge.bearer().with("error", "invalid_token").toString(), "Unauthorized: the token is not valid");
    }
    return new AuthDecision.Allowed(new Principal(match, Set.of()));
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Objects.requireNonNull(token).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
