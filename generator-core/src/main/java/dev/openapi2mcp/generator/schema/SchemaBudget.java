package dev.openapi2mcp.generator.schema;

/**
 * How large one tool schema may grow. Beyond the budget, subtrees are replaced by a permissive schema whose
 * description says what was cut, and a warning names the tool, the place and the reason.
 *
 * @param maxDepth the deepest nesting of schemas below a tool's root (a property's schema is one level below
 *     the object that holds it; {@code items}, composition branches and {@code $defs} entries count alike);
 *     at least 2
 * @param maxBytes the longest a tool's schema may be as compact JSON text, in bytes; at least 1,024
 */
public record SchemaBudget(int maxDepth, int maxBytes) {

  public static final int DEFAULT_MAX_DEPTH = 12;
  public static final int DEFAULT_MAX_BYTES = 64 * 1024;

  public static final SchemaBudget DEFAULT = new SchemaBudget(DEFAULT_MAX_DEPTH, DEFAULT_MAX_BYTES);

  public SchemaBudget {
    if (maxDepth < 2) {
      throw new IllegalArgumentException("the schema depth budget must be at least 2, was " + maxDepth);
    }
    if (maxBytes < 1024) {
      throw new IllegalArgumentException("the schema size budget must be at least 1024 bytes, was " + maxBytes);
    }
  }
}
