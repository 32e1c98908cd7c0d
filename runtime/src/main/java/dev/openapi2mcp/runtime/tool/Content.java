package dev.openapi2mcp.runtime.tool;

/** One content block of a tool result, as MCP defines them. Binary data is base64 text. */
public sealed interface Content {

  record Text(String text) implements Content {}

  record Image(String data, String mimeType) implements Content {}

  record Audio(String data, String mimeType) implements Content {}

  /** An embedded resource with binary contents. */
  record Blob(String uri, String blob, String mimeType) implements Content {}
}
