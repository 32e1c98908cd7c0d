package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.Content;
import dev.openapi2mcp.runtime.tool.ToolResult;

/** Renders a {@link ToolResult} as a {@code tools/call} result, leaving out what the revision lacks. */
final class ToolResultWriter {
  private ToolResultWriter() {}

  static ObjectNode write(ToolResult result, ProtocolRevision revision) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ArrayNode content = node.putArray("content");
    int index = 0;
    for (Content block : result.content()) {
      content.add(block(block, index++, revision));
    }
    if (revision.hasStructuredOutput() && result.structuredContent() != null) {
      node.set("structuredContent", result.structuredContent());
    }
    node.put("isError", result.isError());
    return node;
  }

  private static ObjectNode block(Content block, int index, ProtocolRevision revision) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (block instanceof Content.Text text) {
      node.put("type", "text");
      node.put("text", nullToEmpty(text.text()));
    } else if (block instanceof Content.Image image) {
      node.put("type", "image");
      node.put("data", nullToEmpty(image.data()));
      node.put("mimeType", nullToEmpty(image.mimeType()));
    } else if (block instanceof Content.Audio audio) {
      if (revision.hasAudioContent()) {
        node.put("type", "audio");
        node.put("data", nullToEmpty(audio.data()));
        node.put("mimeType", nullToEmpty(audio.mimeType()));
      } else {
        // 2024-11-05 has no audio blocks; an embedded binary resource carries the same bytes.
        resource(node, "urn:openapi2mcp:content:" + index, audio.data(), audio.mimeType());
      }
    } else if (block instanceof Content.Blob blob) {
      resource(node, blob.uri(), blob.blob(), blob.mimeType());
    } else {
      throw new IllegalStateException("unknown content block " + block.getClass().getName());
    }
    return node;
  }

  private static void resource(ObjectNode node, String uri, String base64, String mimeType) {
    node.put("type", "resource");
    ObjectNode resource = node.putObject("resource");
    resource.put("uri", nullToEmpty(uri));
    if (mimeType != null) {
      resource.put("mimeType", mimeType);
    }
    resource.put("blob", nullToEmpty(base64));
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
