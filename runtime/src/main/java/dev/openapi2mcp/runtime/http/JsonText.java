package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/** The one shared, thread-safe {@link ObjectMapper} of the invoker, and JSON string quoting for messages. */
final class JsonText {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonText() {}

  /** {@code value} as a JSON string literal, so control characters in messages stay visible and on one line. */
  static String quote(String value) {
    return new TextNode(value).toString();
  }
}
