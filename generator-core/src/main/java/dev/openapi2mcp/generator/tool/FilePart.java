package dev.openapi2mcp.generator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.model.MediaTypes;
import dev.openapi2mcp.generator.schema.ComponentSchemas;

/**
 * A property of a {@code multipart/form-data} body that is sent as a file rather than a form field.
 *
 * <p>A property is a file part when its schema (after following {@code $ref}s) is a string of bytes:
 * {@code format: binary} or {@code byte} (OpenAPI 3.0, and still common in 3.1), or {@code contentEncoding} or a
 * non-text {@code contentMediaType} (OpenAPI 3.1); or when the body's {@code encoding} entry for it declares a
 * non-text {@code contentType}. An array whose items are such strings is several file parts under one name.
 *
 * @param array whether the property is an array of files
 * @param contentType the media type the spec declares for the part ({@code encoding.contentType} or
 *     {@code contentMediaType}), or null
 * @param description the property's own description, or null
 */
record FilePart(boolean array, String contentType, String description) {

  /** The file part {@code property} of a multipart body is, or null when it is a plain form field. */
  static FilePart of(JsonNode property, String encodingContentType, ComponentSchemas components) {
    JsonNode schema = components.resolve(property);
    if (schema == null || !schema.isObject()) {
      return null;
    }
    String description = text(property, "description");
    if (description == null) {
      description = text(schema, "description");
    }
    boolean declaredBinary = encodingContentType != null && !allTextual(encodingContentType);
    if (isBytes(schema) || (declaredBinary && !isType(schema, "array"))) {
      return new FilePart(false, contentType(encodingContentType, schema), description);
    }
    if (isType(schema, "array")) {
      JsonNode items = components.resolve(schema.get("items"));
      if (items != null && (isBytes(items) || (declaredBinary && !isType(items, "object")))) {
        return new FilePart(true, contentType(encodingContentType, items), description);
      }
    }
    return null;
  }

  /** Whether a (resolved) schema describes bytes rather than text. */
  static boolean isBytes(JsonNode schema) {
    if (schema == null || !schema.isObject() || !(isType(schema, "string") || !schema.has("type"))) {
      return false;
    }
    String format = text(schema, "format");
    if ("binary".equals(format) || "byte".equals(format)) {
      return true;
    }
    if (schema.has("contentEncoding")) {
      return true;
    }
    String mediaType = text(schema, "contentMediaType");
    return mediaType != null && !MediaTypes.isTextual(mediaType);
  }

  private static String contentType(String encodingContentType, JsonNode schema) {
    return encodingContentType != null ? encodingContentType : text(schema, "contentMediaType");
  }

  /** {@code encoding.contentType} may list several types, comma-separated: text only if all are. */
  private static boolean allTextual(String contentTypes) {
    for (String type : contentTypes.split(",")) {
      if (!type.isBlank() && !MediaTypes.isTextual(type)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isType(JsonNode schema, String name) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return false;
    }
    if (type.isTextual()) {
      return type.asText().equals(name);
    }
    for (JsonNode t : type) {
      if (t.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static String text(JsonNode schema, String keyword) {
    JsonNode value = schema.get(keyword);
    return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }
}
