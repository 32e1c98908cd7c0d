package dev.openapi2mcp.runtime.tool;

/**
 * MCP tool annotations: hints for the client, never guarantees. A null hint is left out of {@code tools/list}
 * so that the protocol's default applies.
 */
public record ToolAnnotations(
    String title, Boolean readOnlyHint, Boolean destructiveHint, Boolean idempotentHint, Boolean openWorldHint) {

  public static final ToolAnnotations NONE = new ToolAnnotations(null, null, null, null, null);
}
