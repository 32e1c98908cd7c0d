package dev.openapi2mcp.generator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 *       {@link #fileParts()}. A multipart body may also be an {@code allOf} of plain objects, whose properties
 *       are merged (unless two parts define one property differently): multipart cannot be sent whole, so its
 *       parts must be told apart.</li>
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
 * @param pointers for a flattened body: wire name → where its schema is in the spec, for diagnostics
 * @param fileParts for a flattened multipart body: wire name → file part, in spec order; else empty
 */
record BodyShape(Kind kind, Map<String, JsonNode> properties, List<String> required, Map<String, String> pointers,
    Map<String, FilePart> fileParts) {

  enum Kind {
    FLATTENED,
    SCHEMA,
    TEXT,
    BINARY
  }

  BodyShape {
    pointers = Collections.unmodifiableMap(new LinkedHashMap<>(pointers));
    fileParts = Collections.unmodifiableMap(new LinkedHashMap<>(fileParts));
  }

  boolean flattened() {
    return kind == Kind.FLATTENED;
  }

  private static BodyShape whole(Kind kind) {
    return new BodyShape(kind, null, List.of(), Map.of(), Map.of());
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
    String base = body.schema().has("$ref") ? pointerOf(body.schema(), body.pointer()) : body.pointer();
    Fields fields = schema == null ? null
        : fields(schema, base, components, MediaTypes.isMultipartForm(mediaType), 0);
    if (fields == null) {
      return whole(Kind.SCHEMA);
    }
    Map<String, JsonNode> visible = new LinkedHashMap<>();
    fields.properties().forEach((name, property) -> {
      if (!converter.isHidden(property)) {
        visible.put(name, property);
      }
    });
    if (visible.isEmpty()) {
      return whole(Kind.SCHEMA);
    }
    List<String> required = new ArrayList<>();
    for (String name : fields.required()) {
      if (visible.containsKey(name) && !required.contains(name)) {
        required.add(name);
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
    return new BodyShape(Kind.FLATTENED, visible, required, fields.pointers(), files);
  }

  /** The properties of an object schema, where each is defined in the spec, and which are required. */
  private record Fields(Map<String, JsonNode> properties, Map<String, String> pointers, List<String> required) {}

  private static final int MAX_ALL_OF_DEPTH = 8;

  /**
   * The fields of {@code schema} when it is a plain object (see the class comment), or, with {@code mergeAllOf},
   * an {@code allOf} of such objects (with properties of its own or not); null otherwise.
   *
   * @param pointer where {@code schema} (already resolved) is in the spec
   */
  private static Fields fields(JsonNode schema, String pointer, ComponentSchemas components, boolean mergeAllOf,
      int depth) {
    boolean composed = mergeAllOf && schema.path("allOf").isArray() && depth < MAX_ALL_OF_DEPTH;
    if (!composed) {
      if (!isPlainObject(schema)) {
        return null;
      }
      Map<String, JsonNode> properties = new LinkedHashMap<>();
      Map<String, String> pointers = new LinkedHashMap<>();
      schema.get("properties").properties().forEach(property -> {
        properties.put(property.getKey(), property.getValue());
        pointers.put(property.getKey(), JsonPointers.append(pointer, "properties", property.getKey()));
      });
      List<String> required = new ArrayList<>();
      schema.path("required").forEach(name -> required.add(name.asText()));
      return new Fields(properties, pointers, required);
    }
    if (!isObjectOrUntyped(schema) || !isClosedOrOpenByDefault(schema) || schema.path("nullable").asBoolean(false)
        || schema.has("oneOf") || schema.has("anyOf") || schema.has("not") || schema.has("patternProperties")) {
      return null;
    }
    Fields merged = new Fields(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
    JsonNode parts = schema.get("allOf");
    for (int i = 0; i < parts.size(); i++) {
      JsonNode part = parts.get(i);
      JsonNode resolved = components.resolve(part);
      String partPointer = part.has("$ref") ? pointerOf(part, JsonPointers.append(pointer, "allOf",
          Integer.toString(i))) : JsonPointers.append(pointer, "allOf", Integer.toString(i));
      Fields fields = resolved == null ? null : fields(resolved, partPointer, components, true, depth + 1);
      if (fields == null || !merge(merged, fields)) {
        return null;
      }
    }
    if (schema.path("properties").isObject() && !schema.path("properties").isEmpty()) {
      ObjectNode own = schema.deepCopy();
      own.remove("allOf");
      Fields fields = fields(own, pointer, components, false, depth + 1);
      if (fields == null || !merge(merged, fields)) {
        return null;
      }
    } else {
      schema.path("required").forEach(name -> merged.required().add(name.asText()));
    }
    return merged.properties().isEmpty() ? null : merged;
  }

  /** Adds {@code more} to {@code into}; false when both define one property differently. */
  private static boolean merge(Fields into, Fields more) {
    for (Map.Entry<String, JsonNode> property : more.properties().entrySet()) {
      JsonNode existing = into.properties().get(property.getKey());
      if (existing != null && !existing.equals(property.getValue())) {
        return false;
      }
      if (existing == null) {
        into.properties().put(property.getKey(), property.getValue());
        into.pointers().put(property.getKey(), more.pointers().get(property.getKey()));
      }
    }
    into.required().addAll(more.required());
    return true;
  }

  private static boolean isObjectOrUntyped(JsonNode schema) {
    JsonNode type = schema.get("type");
    return type == null
        || (type.isTextual() && type.asText().equals("object"))
        || (type.isArray() && type.size() == 1 && type.get(0).asText().equals("object"));
  }

  private static boolean isClosedOrOpenByDefault(JsonNode schema) {
    JsonNode additional = schema.get("additionalProperties");
    return additional == null || (additional.isBoolean() && !additional.booleanValue());
  }

  private static boolean isPlainObject(JsonNode schema) {
    if (!schema.isObject() || !schema.path("properties").isObject() || schema.path("properties").isEmpty()) {
      return false;
    }
    return isObjectOrUntyped(schema) && isClosedOrOpenByDefault(schema)
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
