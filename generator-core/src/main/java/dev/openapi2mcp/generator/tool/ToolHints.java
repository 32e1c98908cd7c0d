package dev.openapi2mcp.generator.tool;

import dev.openapi2mcp.generator.model.HttpMethod;

/**
 * The MCP behaviour hints of a tool, derived from its HTTP method's semantics (RFC 9110): safe methods only
 * read; PUT and DELETE replace or remove, and repeating them changes nothing more; PATCH changes in place;
 * POST creates, which is not destructive but not idempotent either. Every tool talks to an outside API, so
 * {@code openWorld} is always true. All four hints are always set, so clients never fall back to defaults.
 */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {

  public static ToolHints forMethod(HttpMethod method) {
    return switch (method) {
      case GET, HEAD, OPTIONS, TRACE -> new ToolHints(true, false, true, true);
      case POST -> new ToolHints(false, false, false, true);
      case PUT, DELETE -> new ToolHints(false, true, true, true);
      case PATCH -> new ToolHints(false, true, false, true);
    };
  }
}
