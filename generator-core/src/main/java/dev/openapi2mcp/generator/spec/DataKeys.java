package dev.openapi2mcp.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Which members of a description hold data or extensions rather than OpenAPI structure, so that the repairs leave
 * them alone: an example may well contain a {@code "$ref"} member, and GitHub's {@code x-github-breaking-changes}
 * holds response patches whose references are nobody's business but GitHub's.
 */
final class DataKeys {
  private DataKeys() {}

  /**
   * @param parentKey the member name under which the object holding {@code key} sits, or null at the root
   * @param key a member name of that object
   * @return whether the value under {@code key} is data or an extension: {@code x-…}, {@code example},
   *     {@code examples}; never for the names in a {@code properties} map, which are property names
   */
  static boolean holdsData(String parentKey, String key) {
    if ("properties".equals(parentKey) || "patternProperties".equals(parentKey)) {
      return false;
    }
    return key.startsWith("x-") || key.equals("example") || key.equals("examples");
  }

  /**
   * Calls {@code visit} with every object of {@code root} that is OpenAPI structure, and the JSON pointer to it,
   * depth first in document order; objects under data or extension members ({@link #holdsData}) are not visited.
   */
  static void forEachStructureObject(JsonNode root, BiConsumer<JsonNode, String> visit) {
    walk(root, "", null, visit);
  }

  private static void walk(JsonNode node, String at, String key, BiConsumer<JsonNode, String> visit) {
    if (node.isObject()) {
      visit.accept(node, at);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!holdsData(key, field.getKey())) {
          walk(field.getValue(), at + "/" + JsonPointers.escape(field.getKey()), field.getKey(), visit);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), at + "/" + i, key, visit);
      }
    }
  }
}
