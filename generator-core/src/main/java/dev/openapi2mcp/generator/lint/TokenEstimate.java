package dev.openapi2mcp.generator.lint;

/**
 * Tokens estimated from size: UTF-8 bytes / 4, rounded up, the rule of thumb commonly quoted for GPT and Claude
 * tokenizers on English text and JSON. It is an estimate for budgeting, not a count: JSON punctuation and
 * identifiers split into more tokens than prose does (docs/customization.md gives the ratio measured on GitHub's
 * tools with real tokenizers).
 */
public final class TokenEstimate {

  /** Bytes per token assumed. */
  public static final int BYTES_PER_TOKEN = 4;

  private TokenEstimate() {}

  public static long tokens(long utf8Bytes) {
    return (utf8Bytes + BYTES_PER_TOKEN - 1) / BYTES_PER_TOKEN;
  }
}
