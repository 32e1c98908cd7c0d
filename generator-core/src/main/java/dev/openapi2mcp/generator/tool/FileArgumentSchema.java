package dev.openapi2mcp.generator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.schema.Schemas;
import java.util.HashMap;
import java.util.Map;

/**
 * The input schema of a file-part argument: the file-argument object of the runtime's {@code RequestBody}
 * contract, {@code {"content": base64, "filename": …, "contentType": …}} and/or {@code {"path": …}} as
 * {@link FileParts} allows, with a description telling the model how to fill it in. An array file part is an
 * array of such objects.
 *
 * <p>Invariants: the object is closed ({@code additionalProperties: false}); exactly the source the mode allows is
 * required ({@code content} for base64, {@code path} for path, one of the two for both); {@code content} carries
 * {@code contentEncoding: base64}.
 */
final class FileArgumentSchema {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** type/subtype (RFC 6838 token characters), optionally followed by {@code ; name=value} parameters. */
  static final String MEDIA_TYPE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*"
      + "( *; *[A-Za-z0-9!#$&^_.+-]+=[A-Za-z0-9!#$&^_.+-]+)*$";

  private FileArgumentSchema() {}

  static ObjectNode of(FilePart part, FileParts mode) {
    ObjectNode file = file(part, mode);
    if (!part.array()) {
      return file;
    }
    Map<String, JsonNode> array = new HashMap<>();
    array.put("type", JSON.textNode("array"));
    array.put("description", JSON.textNode(describe(part, mode, true)));
    file.remove("description");
    array.put("items", file);
    return Schemas.ordered(array);
  }

  private static ObjectNode file(FilePart part, FileParts mode) {
    ObjectNode properties = JSON.objectNode();
    if (mode.allowsContent()) {
      properties.set("content", Schemas.ordered(Map.of(
          "type", JSON.textNode("string"),
          "description", JSON.textNode("The file's bytes, base64-encoded (standard alphabet)."),
          "contentEncoding", JSON.textNode("base64"))));
    }
    if (mode.allowsPath()) {
      properties.set("path", Schemas.ordered(Map.of(
          "type", JSON.textNode("string"),
          "description", JSON.textNode("The path of a file on the machine that runs this MCP server, inside the "
              + "directory it allows (--file-root); relative paths resolve against that directory."))));
    }
    properties.set("filename", Schemas.ordered(Map.of(
        "type", JSON.textNode("string"),
        "description", JSON.textNode("The file name sent with the part."))));
    String typeHelp = part.contentType() == null
        ? "The part's media type, e.g. image/png."
        : "The part's media type; the API expects " + part.contentType() + ".";
    properties.set("contentType", Schemas.ordered(Map.of(
        "type", JSON.textNode("string"),
        "description", JSON.textNode(typeHelp),
        // The runtime refuses what is not a media type; saying so up front spares the model a failed call.
        "pattern", JSON.textNode(MEDIA_TYPE_PATTERN))));

    Map<String, JsonNode> file = new HashMap<>();
    file.put("type", JSON.textNode("object"));
    file.put("description", JSON.textNode(describe(part, mode, false)));
    file.put("properties", properties);
    file.put("additionalProperties", JSON.booleanNode(false));
    if (mode == FileParts.BOTH) {
      ArrayNode oneOf = JSON.arrayNode();
      oneOf.add(JSON.objectNode().set("required", JSON.arrayNode().add("content")));
      oneOf.add(JSON.objectNode().set("required", JSON.arrayNode().add("path")));
      file.put("oneOf", oneOf);
    } else {
      file.put("required", JSON.arrayNode().add(mode == FileParts.PATH ? "path" : "content"));
    }
    return Schemas.ordered(file);
  }

  private static String describe(FilePart part, FileParts mode, boolean array) {
    StringBuilder text = new StringBuilder();
    if (part.description() != null) {
      text.append(part.description().strip());
      if (!text.toString().endsWith(".")) {
        text.append('.');
      }
      text.append(' ');
    }
    text.append(array ? "Files, each sent as its own part: for each, " : "A file, sent as a multipart part: ");
    text.append(switch (mode) {
      case BASE64 -> "give its bytes base64-encoded in 'content'";
      case PATH -> "give the path of a local file in 'path'";
      case BOTH -> "give either its bytes base64-encoded in 'content' or the path of a local file in 'path'";
    });
    text.append("; 'filename' and 'contentType' are optional.");
    return text.toString();
  }
}
