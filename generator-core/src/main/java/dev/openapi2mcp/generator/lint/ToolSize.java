package dev.openapi2mcp.generator.lint;

/**
 * How much one tool adds to {@code tools/list}.
 *
 * @param tool the tool's name
 * @param bytes its entry in the result as compact UTF-8 JSON
 */
public record ToolSize(String tool, int bytes) {
  public long tokens() {
    return TokenEstimate.tokens(bytes);
  }
}
