package dev.openapi2mcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Honours an OpenAPI {@code discriminator} in a tool schema, where the keyword itself cannot go (its
 * {@code mapping} points into the OpenAPI document).
 *
 * <p>For a {@code oneOf}/{@code anyOf} with a discriminator, every branch that is a {@code $ref} to a component
 * gets {@code allOf: [branch, {properties: {P: {const: v}}, required: [P]}]}, where {@code P} is the
 * discriminator's {@code propertyName} and {@code v} the value that selects the branch: the {@code mapping} keys
 * that name the component, or else the component's name (OpenAPI's implicit mapping); several keys give an
 * {@code enum}. A model then writes a value that selects exactly the branch whose properties it filled in, and a
 * validator can tell the branches apart. Inline branches have no name to map to and stay as they are.
 */
final class Discriminators {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Discriminators() {}

  /**
   * Constrains the converted {@code oneOf}/{@code anyOf} in {@code out} per the discriminator of {@code raw}.
   *
   * @param raw the OpenAPI schema, with its {@code discriminator} and unconverted branches
   * @param out the converted keywords; their branches are replaced in place
   */
  static void constrain(JsonNode raw, Map<String, JsonNode> out) {
    JsonNode discriminator = raw.get("discriminator");
    String property = discriminator == null ? null : discriminator.path("propertyName").asText(null);
    if (property == null || property.isBlank()) {
      return;
    }
    Map<String, List<String>> valuesByComponent = mapping(discriminator.path("mapping"));
    for (String keyword : List.of("oneOf", "anyOf")) {
      JsonNode branches = raw.get(keyword);
      JsonNode converted = out.get(keyword);
      if (branches == null || !branches.isArray() || converted == null || !converted.isArray()
          || converted.size() != branches.size()) {
        continue;
      }
      ArrayNode constrained = JSON.arrayNode();
      for (int i = 0; i < branches.size(); i++) {
        String component = ComponentSchemas.componentName(branches.get(i).path("$ref").asText(null));
        if (component == null) {
          constrained.add(converted.get(i));
          continue;
        }
        List<String> values = valuesByComponent.getOrDefault(component, List.of(component));
        constrained.add(branch(converted.get(i), property, values));
      }
      out.put(keyword, constrained);
    }
  }

  /** Mapping values grouped by the component they name, in mapping order. */
  private static Map<String, List<String>> mapping(JsonNode mapping) {
    Map<String, List<String>> byComponent = new LinkedHashMap<>();
    if (!mapping.isObject()) {
      return byComponent;
    }
    for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
      String target = entry.getValue().asText("");
      String component = ComponentSchemas.componentName(target);
      if (component == null && !target.contains("/") && !target.contains("#") && !target.isEmpty()) {
        component = target; // a bare schema name, which OpenAPI allows in mappings
      }
      if (component != null) {
        byComponent.computeIfAbsent(component, k -> new ArrayList<>()).add(entry.getKey());
      }
    }
    return byComponent;
  }

  private static JsonNode branch(JsonNode converted, String property, List<String> values) {
    ObjectNode value = JSON.objectNode();
    if (values.size() == 1) {
      value.put("const", values.get(0));
    } else {
      ArrayNode options = value.putArray("enum");
      values.forEach(options::add);
    }
    ObjectNode selector = JSON.objectNode();
    selector.putObject("properties").set(property, value);
    selector.putArray("required").add(property);
    ObjectNode wrapped = JSON.objectNode();
    wrapped.putArray("allOf").add(converted).add(selector);
    return wrapped;
  }
}
