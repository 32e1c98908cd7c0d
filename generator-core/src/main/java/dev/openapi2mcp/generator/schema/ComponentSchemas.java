package dev.openapi2mcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The spec's {@code components.schemas}, and what the converter needs to know about them: which {@code $ref}
 * names which component, and which components are recursive (reach themselves through references).
 *
 * <p>Recursive components are the only ones kept as {@code $defs}; all others are inlined, which terminates
 * because following references from a non-recursive component can never lead back to it.
 */
public final class ComponentSchemas {
  private static final String PREFIX = "#/components/schemas/";

  private final Map<String, JsonNode> schemas;
  private final Set<String> recursive;

  /** @param schemas component name → schema in the spec's OpenAPI dialect, in spec order */
  public ComponentSchemas(Map<String, JsonNode> schemas) {
    this.schemas = Collections.unmodifiableMap(new LinkedHashMap<>(schemas));
    this.recursive = findRecursive(this.schemas);
  }

  /** The component that {@code ref} names, e.g. {@code Pet} for {@code #/components/schemas/Pet}; else null. */
  public static String componentName(String ref) {
    if (ref == null || !ref.startsWith(PREFIX)) {
      return null;
    }
    String token = ref.substring(PREFIX.length());
    if (token.contains("/")) {
      return null; // a pointer into a component, e.g. .../Pet/properties/name: not a component itself
    }
    // A $ref is a URI: undo percent-encoding (but a '+' is a plus here, not a form-encoded space).
    return JsonPointers.unescape(URLDecoder.decode(token.replace("+", "%2B"), StandardCharsets.UTF_8));
  }

  public JsonNode get(String name) {
    return schemas.get(name);
  }

  public boolean isRecursive(String name) {
    return recursive.contains(name);
  }

  /** Names of the recursive components, in spec order. */
  public Set<String> recursive() {
    return recursive;
  }

  /**
   * Follows {@code $ref}s from {@code schema} to the schema they end at; {@code schema} itself when it is no
   * reference, null when a reference is dangling or loops.
   */
  public JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    Set<String> seen = new HashSet<>();
    while (current != null && current.has("$ref")) {
      String name = componentName(current.path("$ref").asText(null));
      if (name == null || !seen.add(name)) {
        return null;
      }
      current = schemas.get(name);
    }
    return current;
  }

  /**
   * Whether {@code schema}, or the schema its references end at, sets the boolean {@code keyword} (e.g.
   * {@code readOnly}) to true.
   */
  public boolean isMarked(JsonNode schema, String keyword) {
    if (schema == null || !schema.isObject()) {
      return false;
    }
    if (schema.path(keyword).asBoolean(false)) {
      return true;
    }
    JsonNode target = schema.has("$ref") ? resolve(schema) : null;
    return target != null && target.path(keyword).asBoolean(false);
  }

  private static Set<String> findRecursive(Map<String, JsonNode> schemas) {
    Map<String, Set<String>> edges = new LinkedHashMap<>();
    schemas.forEach((name, schema) -> {
      Set<String> targets = new LinkedHashSet<>();
      collectReferences(schema, targets);
      targets.retainAll(schemas.keySet());
      edges.put(name, targets);
    });
    Set<String> recursive = new LinkedHashSet<>();
    for (String name : schemas.keySet()) {
      if (reaches(edges, name, name)) {
        recursive.add(name);
      }
    }
    return Collections.unmodifiableSet(recursive);
  }

  /** Whether {@code target} is reachable from {@code start} by one or more references. */
  private static boolean reaches(Map<String, Set<String>> edges, String start, String target) {
    Deque<String> work = new ArrayDeque<>(edges.get(start));
    Set<String> visited = new HashSet<>();
    while (!work.isEmpty()) {
      String next = work.pop();
      if (next.equals(target)) {
        return true;
      }
      if (visited.add(next)) {
        work.addAll(edges.getOrDefault(next, Set.of()));
      }
    }
    return false;
  }

  private static void collectReferences(JsonNode node, Set<String> into) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        String name = componentName(ref.asText());
        if (name != null) {
          into.add(name);
        }
      }
      node.properties().forEach(field -> collectReferences(field.getValue(), into));
    } else if (node.isArray()) {
      node.forEach(element -> collectReferences(element, into));
    }
  }
}
