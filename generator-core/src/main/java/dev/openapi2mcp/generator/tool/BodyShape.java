package dev.openapi2mcp.generator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import dev.openapi2mcp.generator.model.BodyModel;
import dev.openapi2mcp.generator.model.MediaTypes;
import dev.openapi2mcp.generator.schema.ComponentSchemas;
import dev.openapi2mcp.generator.schema.SchemaConverter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a request body becomes tool arguments.
 *
 * <ul>
 *   <li>{@link Kind#FLATTENED}: a JSON, form-urlencoded or {@code multipart/form-data} body whose schema (after
 *       following {@code $ref}s) is a plain object: {@code type} absent or {@code object}, with
 *       {@code properties}, without composition ({@code allOf}/{@code oneOf}/{@code anyOf}/{@code not}), without
 *       extra properties ({@code additionalProperties} other than false, {@code patternProperties}), and not
 *       nullable. Each property is an argument; the file parts of a multipart body are listed in
 *       {@link #fileParts()}.</li>
 *   <li>{@link Kind#BINARY}: {@code application/octet-stream} and other binary media types (see
 *       {@link MediaTypes#isBinary}), or a body whose schema is a string of bytes: one argument, a base64
 *       string.</li>
 *   <li>{@link Kind#TEXT}: {@code text/*}: one argument, a string sent as is.</li>
 *   <li>{@link Kind#SCHEMA}: anything else: one argument holding the whole body as its schema describes it, since
 *       it could not be rebuilt faithfully from named arguments.</li>
 * </ul>
 *
 * @param kind which of the shapes above
 * @param properties for a flattened body: wire name → OpenAPI property schema of the properties the caller
 *     sends, in spec order; null otherwise
 * @param required wire names of the required properties among them
 * @param propertiesPointer where the properties are in the spec, for diagnostics
 * @param fileParts for a flattened multipart body: wire name → file part, in spec order; else empty
 */
record BodyShape(Kind kind, Map<String, JsonNode> properties, List<String> required, String propertiesPointer,
    Map<String, FilePart> fileParts) {

  enum Kind {
    FLATTENED,
    SCHEMA,
    TEXT,
    BINARY
  }

  BodyShape {
    fileParts = Collections.unmodifiableMap(new LinkedHashMap<>(fileParts));
  }

  boolean flattened() {
    return kind == Kind.FLATTENED;
  }

  private static BodyShape whole(Kind kind) {
    return new BodyShape(kind, null, List.of(), null, Map.of());
  }

  static BodyShape of(BodyModel body, SchemaConverter converter) {
    String mediaType = body.mediaType();
    ComponentSchemas components = converter.components();
    JsonNode schema = components.resolve(body.schema());
    boolean structured = MediaTypes.isJson(mediaType) || MediaTypes.isFormUrlEncoded(mediaType)
        || MediaTypes.isMultipartForm(mediaType);
    if (!structured) {
      if (MediaTypes.isText(mediaType)) {
        return whole(Kind.TEXT);
      }
      if (MediaTypes.isBinary(mediaType) || FilePart.isBytes(schema)) {
        return whole(Kind.BINARY);
      }
      return whole(Kind.SCHEMA);
    }
    if (schema == null || !isPlainObject(schema)) {
      return whole(Kind.SCHEMA);
    }
    Map<String, JsonNode> visible = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
      if (!converter.isHidden(property.getValue())) {
        visible.put(property.getKey(), property.getValue());
      }
    }
    if (visible.isEmpty()) {
      return whole(Kind.SCHEMA);
    }
    List<String> required = new ArrayList<>();
    for (JsonNode name : schema.path("required")) {
      if (visible.containsKey(name.asText())) {
        required.add(name.asText());
      }
    }
    Map<String, FilePart> files = new LinkedHashMap<>();
    if (MediaTypes.isMultipartForm(mediaType)) {
      visible.forEach((name, property) -> {
        FilePart part = FilePart.of(property, body.partContentTypes().get(name), components);
        if (part != null) {
          files.put(name, part);
        }
      });
    }
    String base = body.schema().has("$ref") ? pointerOf(body.schema(), body.pointer()) : body.pointer();
    return new BodyShape(Kind.FLATTENED, visible, required, JsonPointers.append(base, "properties"), files);
  }

  private static boolean isPlainObject(JsonNode schema) {
    if (!schema.isObject() || !schema.path("properties").isObject() || schema.path("properties").isEmpty()) {
      return false;
    }
    JsonNode type = schema.get("type");
    boolean objectType = type == null
        || (type.isTextual() && type.asText().equals("object"))
        || (type.isArray() && type.size() == 1 && type.get(0).asText().equals("object"));
    JsonNode additional = schema.get("additionalProperties");
    boolean closed = additional == null || (additional.isBoolean() && !additional.booleanValue());
    return objectType && closed
        && !schema.path("nullable").asBoolean(false)
        && !schema.has("allOf") && !schema.has("oneOf") && !schema.has("anyOf") && !schema.has("not")
        && !schema.has("patternProperties");
  }

  /** Where the component a body's {@code $ref} ends at lives, or the body's own pointer if it is not one. */
  private static String pointerOf(JsonNode reference, String fallback) {
    String name = ComponentSchemas.componentName(reference.path("$ref").asText(null));
    return name == null ? fallback : JsonPointers.append("/components/schemas", name);
  }
}
