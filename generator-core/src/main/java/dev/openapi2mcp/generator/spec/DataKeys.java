package dev.openapi2mcp.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
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
   * Calls {@code visit} with every object of {@code root} that is OpenAPI structure, and its position (valid only
   * during the call), depth first in document order; objects under data or extension members ({@link #holdsData})
   * are not visited.
   */
  static void forEachStructureObject(JsonNode root, BiConsumer<JsonNode, TreePath> visit) {
    walk(root, new TreePath(), null, visit);
  }

  private static void walk(JsonNode node, TreePath at, String key, BiConsumer<JsonNode, TreePath> visit) {
    if (node.isObject()) {
      visit.accept(node, at);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode value = field.getValue();
        if (value.isContainerNode() && !holdsData(key, field.getKey())) {
          at.push(field.getKey());
          walk(value, at, field.getKey(), visit);
          at.pop();
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        if (element.isContainerNode()) {
          at.push(i);
          walk(element, at, key, visit);
          at.pop();
        }
      }
    }
  }
}
