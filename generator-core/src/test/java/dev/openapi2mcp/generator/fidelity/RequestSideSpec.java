package dev.openapi2mcp.generator.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A copy of a spec for the mock with everything that validates <em>requests</em> untouched and the response
 * schemas left out.
 *
 * <p>Why: Prism dereferences the whole document when it starts, and on a spec whose response schemas form a large
 * web of cycles (Stripe: 775 interlinked component schemas) that takes longer than any test can wait (more than
 * ten minutes, all in json-schema-ref-parser's {@code dereference}). Requests never depend on response schemas, so
 * the copy keeps {@code servers}, {@code security}, every path and operation with its parameters and request body,
 * and every component they reach, byte for byte; it replaces each response's media-type schemas with {@code {}},
 * drops response examples, headers and links, and callbacks, and then drops the component schemas nothing references
 * any more. What Prism checks about a request is therefore exactly what the original spec says.
 */
final class RequestSideSpec {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private RequestSideSpec() {}

  /** Writes the request-side copy of {@code spec} (JSON) to {@code out} and returns {@code out}. */
  static Path write(Path spec, Path out) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(spec.toFile());
    for (JsonNode pathItem : root.path("paths")) {
      for (Map.Entry<String, JsonNode> operation : pathItem.properties()) {
        if (METHODS.contains(operation.getKey()) && operation.getValue().isObject()) {
          ObjectNode op = (ObjectNode) operation.getValue();
          op.remove("callbacks");
          op.path("responses").forEach(RequestSideSpec::trimResponse);
        }
      }
    }
    JsonNode components = root.path("components");
    components.path("responses").forEach(RequestSideSpec::trimResponse);
    if (components.isObject()) {
      ((ObjectNode) components).remove(List.of("callbacks", "links"));
      dropUnreferencedSchemas(root, (ObjectNode) components);
    }
    Files.createDirectories(out.getParent());
    JSON.writeValue(out.toFile(), root);
    return out;
  }

  private static void trimResponse(JsonNode response) {
    if (!response.isObject() || response.has("$ref")) {
      return;
    }
    ObjectNode object = (ObjectNode) response;
    object.remove(List.of("headers", "links"));
    for (JsonNode media : object.path("content")) {
      if (media.isObject()) {
        ObjectNode mediaType = (ObjectNode) media;
        mediaType.remove(List.of("example", "examples", "encoding"));
        mediaType.set("schema", JSON.createObjectNode());
      }
    }
  }

  /** Keeps the component schemas reachable from the rest of the document, following refs transitively. */
  private static void dropUnreferencedSchemas(ObjectNode root, ObjectNode components) {
    JsonNode schemas = components.get("schemas");
    if (!(schemas instanceof ObjectNode schemaMap)) {
      return;
    }
    components.remove("schemas");
    Set<String> reached = new HashSet<>();
    Deque<JsonNode> work = new ArrayDeque<>();
    work.add(root);
    while (!work.isEmpty()) {
      collect(work.pop(), ref -> {
        String prefix = "#/components/schemas/";
        if (ref.startsWith(prefix)) {
          String name = URLDecoder.decode(ref.substring(prefix.length()).split("/")[0], StandardCharsets.UTF_8)
              .replace("~1", "/").replace("~0", "~");
          if (reached.add(name) && schemaMap.has(name)) {
            work.add(schemaMap.get(name));
          }
        }
      });
    }
    for (Iterator<String> names = schemaMap.fieldNames(); names.hasNext(); ) {
      if (!reached.contains(names.next())) {
        names.remove();
      }
    }
    components.set("schemas", schemaMap);
  }

  private static void collect(JsonNode node, java.util.function.Consumer<String> refs) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
          refs.accept(field.getValue().textValue());
        } else {
          collect(field.getValue(), refs);
        }
      }
    } else if (node.isArray()) {
      node.forEach(item -> collect(item, refs));
    }
  }
}
