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
 * Each follows the OpenAPI 3.1.1 style examples table cell by cell (non-exploded {@code label} joins with commas, as
 * RFC 6570 does; the space and pipe delimiters are sent encoded, {@code %20} and {@code %7C}). An empty string is
 * {@code ;name} in matrix style and {@code .} in label style; in a query it is {@code name=}. Empty arrays and
 * objects send nothing in a query; a cookie parameter is serialized like a form query parameter, its pairs going
 * into the one {@code Cookie} header.
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
          if (explode && !items.isEmpty()) {
            StringBuilder parts = new StringBuilder();
            items.forEach(item -> parts.append(matrixPair(name, item)));
            return parts.toString();
          }
          return matrixPair(name, String.join(",", items));
        }
        if (value.isObject()) {
          if (explode && !value.isEmpty()) {
            StringBuilder parts = new StringBuilder();
            encodedEntries(value, true).forEach(entry -> parts.append(';').append(entry));
            return parts.toString();
          }
          return matrixPair(name, String.join(",", encodedEntries(value, false)));
        }
        return matrixPair(name, encoded(value));
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
    if ("deepObject".equals(binding.style()) && value.isContainerNode()) {
      deep(binding.name(), value, pairs);
      return pairs;
    }
    if (value.isArray()) {
      List<String> items = encodedItems(value);
      if (items.isEmpty()) {
        return pairs;
      }
      String delimiter = delimiter(binding);
      if (binding.explode()) {
        items.forEach(item -> pairs.add(new Pair(name, item)));
      } else {
        pairs.add(new Pair(name, String.join(delimiter, items)));
      }
    } else if (value.isObject()) {
      if (binding.explode()) {
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          if (!entry.getValue().isNull()) {
            pairs.add(new Pair(PercentEncoder.encode(entry.getKey()), encoded(entry.getValue())));
          }
        }
      } else if (!value.isEmpty()) {
        pairs.add(new Pair(name, String.join(delimiter(binding), encodedEntries(value, false))));
      }
    } else {
      pairs.add(new Pair(name, encoded(value)));
    }
    return pairs;
  }

  /**
   * deepObject, recursively: {@code name[key]=value}, nested objects add a bracket per level
   * ({@code name[a][b]=v}) and arrays index their items ({@code name[0]=v}, {@code name[0][k]=v}), the form that
   * Rails/Rack-style servers (Stripe) and Prism read. Brackets are percent-encoded like the rest of the name, as
   * the OpenAPI table shows ({@code color%5BR%5D=100}). Nulls are left out.
   */
  private static void deep(String path, JsonNode value, List<Pair> pairs) {
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        deep(path + "[" + entry.getKey() + "]", entry.getValue(), pairs);
      }
    } else if (value.isArray()) {
      int index = 0;
      for (JsonNode item : value) {
        deep(path + "[" + index++ + "]", item, pairs);
      }
    } else if (!value.isNull()) {
      pairs.add(new Pair(PercentEncoder.encode(path), encoded(value)));
    }
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

  /** What joins the items of a non-exploded array or object in a query: the style's delimiter, encoded. */
  private static String delimiter(ParameterBinding binding) {
    return switch (binding.style()) {
      case "spaceDelimited" -> "%20";
      case "pipeDelimited" -> "%7C";
      default -> ",";
    };
  }

  /** RFC 6570 §3.2.7: an empty value leaves out the {@code =} ({@code ;color}). */
  private static String matrixPair(String name, String encodedValue) {
    return encodedValue.isEmpty() ? ";" + name : ";" + name + "=" + encodedValue;
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
