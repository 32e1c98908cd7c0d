package dev.openapi2mcp.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds component references of the wrong kind, and repairs them the way their authors evidently meant them.
 *
 * <ul>
 *   <li>A response that is a {@code $ref} to {@code #/components/schemas/X} (swaggerhub.com) becomes a response
 *       whose {@code application/json} content is that schema.
 *   <li>A schema that is a {@code $ref} to {@code #/components/responses/X} (rumble.run) becomes the schema of that
 *       response's JSON content, or the empty schema (anything) when the response has no content.
 * </ul>
 *
 * <p>swagger-parser rejects both, failing the whole description over what affects one response. Each repair is
 * reported as a warning at the reference.
 */
final class MisdirectedRefs {
  private static final Pattern SCHEMA_REF = Pattern.compile("^#/components/schemas/[^/]+$");
  private static final Pattern RESPONSE_REF = Pattern.compile("^#/components/responses/([^/]+)$");

  /** A reference to repair: where it is and what it says. */
  record Fix(String pointer, String ref, boolean responseToSchema) {}

  private final List<Fix> fixes = new ArrayList<>();

  private MisdirectedRefs() {}

  /** The misdirected references of {@code document}, in document order. */
  static List<Fix> find(JsonNode document) {
    MisdirectedRefs finder = new MisdirectedRefs();
    DataKeys.forEachStructureObject(document, finder::visit);
    return finder.fixes;
  }

  /** Repairs the (mutable) document, warning about each fix. */
  static void apply(JsonNode document, List<Fix> fixes, Diagnostics diagnostics) {
    for (Fix fix : fixes) {
      int slash = fix.pointer().lastIndexOf('/');
      if (slash < 0) {
        continue; // the document itself is never a reference worth repairing
      }
      JsonNode parent = document.at(fix.pointer().substring(0, slash));
      String key = JsonPointers.unescape(fix.pointer().substring(slash + 1));
      JsonNode replacement = fix.responseToSchema() ? responseOf(fix.ref()) : schemaOf(document, fix.ref());
      if (parent instanceof ObjectNode object) {
        object.set(key, replacement);
      } else if (parent.isArray()) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(key), replacement);
      } else {
        continue;
      }
      diagnostics.warning(fix.responseToSchema()
          ? "a response refers to the schema '" + fix.ref() + "'; read as a response with that JSON content"
          : "a schema refers to the response '" + fix.ref() + "'; read as that response's JSON content schema",
          fix.pointer(), null);
    }
  }

  private static JsonNode responseOf(String schemaRef) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("description", schemaRef.substring(schemaRef.lastIndexOf('/') + 1));
    response.putObject("content").putObject("application/json").putObject("schema").put("$ref", schemaRef);
    return response;
  }

  private static JsonNode schemaOf(JsonNode document, String responseRef) {
    JsonNode content = document.at(responseRef.substring(1)).path("content");
    for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> media = it.next();
      if (media.getKey().contains("json") && media.getValue().has("schema")) {
        return media.getValue().get("schema").deepCopy();
      }
    }
    return JsonNodeFactory.instance.objectNode();
  }

  private void visit(JsonNode node, TreePath at) {
    JsonNode ref = node.get("$ref");
    if (ref != null && ref.isTextual()) {
      boolean responsePosition = responsePosition(at);
      if (responsePosition && SCHEMA_REF.matcher(ref.asText()).matches()) {
        fixes.add(new Fix(at.pointer(), ref.asText(), true));
      } else if (!responsePosition && RESPONSE_REF.matcher(ref.asText()).matches()) {
        fixes.add(new Fix(at.pointer(), ref.asText(), false));
      }
    }
  }

  /** Whether {@code at} is {@code /paths/{path}/{method}/responses/{status}} or {@code /components/responses/{name}}. */
  private static boolean responsePosition(TreePath at) {
    boolean shape = at.depth() == 5 && at.token(0).equals("paths") && at.token(3).equals("responses")
        || at.depth() == 3 && at.token(0).equals("components") && at.token(1).equals("responses");
    for (int i = 0; shape && i < at.depth(); i++) {
      shape = !at.token(i).isEmpty();
    }
    return shape;
  }
}
