package dev.openapi2mcp.generator.lint;

/** The lint checks, in the order reports list them. Each is a warning: none fails a build (only the token budget). */
public enum Check {
  MISSING_DESCRIPTION("missing tool description"),
  VAGUE_DESCRIPTION("vague tool description"),
  MISSING_ARGUMENT_DESCRIPTION("arguments without description"),
  VAGUE_ARGUMENT_DESCRIPTION("vague argument description"),
  NAME_SHORTENED("name shortened to fit"),
  SCHEMA_CUT("schema cut by the budget"),
  /** Issue 6: the tool's output schema was larger than {@code outputSchemaMaxBytes}, so it has none. */
  OUTPUT_SCHEMA_LEFT_OUT("output schema left out (size)");

  private final String label;

  Check(String label) {
    this.label = label;
  }

  /** How reports name the check. */
  public String label() {
    return label;
  }
}
