package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenAPI parameter serialization: turns one argument value into what its style and explode flag put on the wire.
 *
 * <p>Path, query and cookie output is already percent-encoded with {@link PercentEncoder} (values and keys
 * strictly, the style's own delimiters literal), so it goes into OkHttp's "encoded" methods unchanged. Header output
 * is raw text; the caller rejects what a header cannot carry. Scalars use {@link JsonValues#scalarText}; nested
 * containers inside arrays or objects become their JSON text; null array items are left out.
 *
 * <p>Styles: path {@code simple} (default), {@code label}, {@code matrix}; query {@code form} (default),
 * {@code spaceDelimited}, {@code pipeDelimited}, {@code deepObject}; header {@code simple}; cookie {@code form}.
 */
final class ParameterSerializer {
  private ParameterSerializer() {}

  /** One encoded query name/value pair. */
  record Pair(String name, String value) {}

  /** The encoded text that replaces {@code {name}} in the path template. */
  static String pathValue(ParameterBinding binding, JsonNode value) {
    String name = PercentEncoder.encode(binding.name());
    boolean explode = binding.explode();
    switch (binding.style()) {
      case "label" -> {
        if (value.isArray()) {
          return "." + String.join(explode ? "." : ",", encodedItems(value));
        }
        if (value.isObject()) {
          return "." + String.join(explode ? "." : ",", encodedEntries(value, explode));
        }
        return "." + encoded(value);
      }
      case "matrix" -> {
        if (value.isArray()) {
          List<String> items = encodedItems(value);
          if (explode) {
            List<String> parts = new ArrayList<>();
            items.forEach(item -> parts.add(";" + name + "=" + item));
            return String.join("", parts);
          }
          return ";" + name + "=" + String.join(",", items);
        }
        if (value.isObject()) {
          if (explode) {
            List<String> parts = new ArrayList<>();
            encodedEntries(value, true).forEach(entry -> parts.add(";" + entry));
            return String.join("", parts);
          }
          return ";" + name + "=" + String.join(",", encodedEntries(value, false));
        }
        return ";" + name + "=" + encoded(value);
      }
      default -> {
        return simple(value, explode, true);
      }
    }
  }

  /** The encoded query pairs of one argument, in order; empty when there is nothing to send. */
  static List<Pair> queryPairs(ParameterBinding binding, JsonNode value) {
    String name = PercentEncoder.encode(binding.name());
    List<Pair> pairs = new ArrayList<>();
    if (value.isArray()) {
      List<String> items = encodedItems(value);
      if (items.isEmpty()) {
        return pairs;
      }
      String delimiter = switch (binding.style()) {
        case "spaceDelimited" -> "%20";
        case "pipeDelimited" -> "%7C";
        default -> ",";
      };
      if (binding.explode()) {
        items.forEach(item -> pairs.add(new Pair(name, item)));
      } else {
        pairs.add(new Pair(name, String.join(delimiter, items)));
      }
    } else if (value.isObject()) {
      if ("deepObject".equals(binding.style())) {
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          if (!entry.getValue().isNull()) {
            pairs.add(new Pair(
                PercentEncoder.encode(binding.name() + "[" + entry.getKey() + "]"), encoded(entry.getValue())));
          }
        }
      } else if (binding.explode()) {
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          if (!entry.getValue().isNull()) {
            pairs.add(new Pair(PercentEncoder.encode(entry.getKey()), encoded(entry.getValue())));
          }
        }
      } else if (!value.isEmpty()) {
        pairs.add(new Pair(name, String.join(",", encodedEntries(value, false))));
      }
    } else {
      pairs.add(new Pair(name, encoded(value)));
    }
    return pairs;
  }

  /** The raw (unencoded) header value, simple style. */
  static String headerValue(ParameterBinding binding, JsonNode value) {
    return simple(value, binding.explode(), false);
  }

  /** The encoded {@code name=value} pairs for the {@code Cookie} header, form style. */
  static List<String> cookiePairs(ParameterBinding binding, JsonNode value) {
    List<String> pairs = new ArrayList<>();
    for (Pair pair : queryPairs(binding.withStyle("form", binding.explode()), value)) {
      pairs.add(pair.name() + "=" + pair.value());
    }
    return pairs;
  }

  private static String simple(JsonNode value, boolean explode, boolean encode) {
    if (value.isArray()) {
      return String.join(",", encode ? encodedItems(value) : rawItems(value));
    }
    if (value.isObject()) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        if (entry.getValue().isNull()) {
          continue;
        }
        String key = encode ? PercentEncoder.encode(entry.getKey()) : entry.getKey();
        String item = encode ? encoded(entry.getValue()) : JsonValues.scalarText(entry.getValue());
        if (explode) {
          parts.add(key + "=" + item);
        } else {
          parts.add(key);
          parts.add(item);
        }
      }
      return String.join(",", parts);
    }
    return encode ? encoded(value) : JsonValues.scalarText(value);
  }

  private static String encoded(JsonNode scalar) {
    return PercentEncoder.encode(JsonValues.scalarText(scalar));
  }

  private static List<String> encodedItems(JsonNode array) {
    List<String> items = new ArrayList<>();
    for (JsonNode item : array) {
      if (!item.isNull()) {
        items.add(encoded(item));
      }
    }
    return items;
  }

  private static List<String> rawItems(JsonNode array) {
    List<String> items = new ArrayList<>();
    for (JsonNode item : array) {
      if (!item.isNull()) {
        items.add(JsonValues.scalarText(item));
      }
    }
    return items;
  }

  /** {@code k=v} entries when exploded, else {@code k}, {@code v} as separate items. */
  private static List<String> encodedEntries(JsonNode object, boolean explode) {
    List<String> items = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      if (entry.getValue().isNull()) {
        continue;
      }
      String key = PercentEncoder.encode(entry.getKey());
      if (explode) {
        items.add(key + "=" + encoded(entry.getValue()));
      } else {
        items.add(key);
        items.add(encoded(entry.getValue()));
      }
    }
    return items;
  }
}
