package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;

/** Small facts about JSON values that validation, parameter serialization and error messages share. */
final class JsonValues {
  private static final int PREVIEW_CHARS = 60;

  private JsonValues() {}

  /**
   * Whether {@code node} is a JSON Schema {@code integer}: any number with a zero fractional part, so
   * {@code 1.0} counts (JSON Schema is value-based), {@code 1.5} does not.
   */
  static boolean isInteger(JsonNode node) {
    if (node.isIntegralNumber()) {
      return true;
    }
    if (node.isDouble() || node.isFloat()) {
      double d = node.doubleValue();
      return !Double.isInfinite(d) && !Double.isNaN(d) && d == Math.rint(d);
    }
    if (node.isBigDecimal()) {
      return node.decimalValue().stripTrailingZeros().scale() <= 0;
    }
    return false;
  }

  /**
   * The text of a scalar as it goes into a URL, header or form field: strings as they are, booleans and numbers
   * as their JSON text, integral numbers without a fraction ({@code 1.0} → {@code 1}), containers as JSON text.
   * Never called with null.
   */
  static String scalarText(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      if (node.isIntegralNumber()) {
        return node.bigIntegerValue().toString();
      }
      if (isInteger(node)) {
        return node.decimalValue().toBigInteger().toString();
      }
      if (node.isBigDecimal()) {
        return node.decimalValue().toPlainString();
      }
      return node.asText();
    }
    return node.toString();
  }

  /** How an error message shows a value: its JSON type and a short preview, e.g. {@code string "abc"}. */
  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      String text = node.textValue();
      String preview = text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + "…" : text;
      return "string " + JsonText.quote(preview);
    }
    if (node.isBoolean()) {
      return "boolean " + node.booleanValue();
    }
    if (node.isNumber()) {
      return (isInteger(node) ? "integer " : "number ") + scalarText(node);
    }
    return node.isArray() ? "array" : "object";
  }

  /** The JSON type names of {@code node} as JSON Schema's {@code type} uses them. */
  static String typeName(JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    if (node.isNumber()) {
      return isInteger(node) ? "integer" : "number";
    }
    return node.isArray() ? "array" : "object";
  }

  /** JSON Schema equality for {@code enum} and {@code const}: numbers compare by value ({@code 1 == 1.0}). */
  static boolean jsonEquals(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      BigDecimal x = a.decimalValue();
      BigDecimal y = b.decimalValue();
      return x.compareTo(y) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!jsonEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : a.properties()) {
        JsonNode other = b.get(field.getKey());
        if (other == null || !jsonEquals(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
