package dev.openapi2mcp.generator.customize;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a fixed or default argument value fits the argument's schema, as far as {@code type} and {@code enum}
 * tell (issue 4): enough to catch {@code value: acme} for an integer, without a validator. The schema is in the
 * spec's dialect: OpenAPI 3.0's single {@code type} with {@code nullable}, or 3.1's type lists; a schema without
 * {@code type} or {@code enum} (a composition, a reference left unresolved) accepts anything.
 */
public final class ValueCheck {
  private ValueCheck() {}

  /** Why {@code value} does not fit {@code schema}, e.g. {@code "acme" is not an integer}; null when it does. */
  public static String problem(JsonNode schema, JsonNode value) {
    if (schema == null || !schema.isObject()) {
      return null;
    }
    boolean nullable = schema.path("nullable").asBoolean(false);
    JsonNode enumeration = schema.get("enum");
    if (enumeration != null && enumeration.isArray() && !(value.isNull() && nullable)) {
      for (JsonNode allowed : enumeration) {
        if (same(allowed, value)) {
          return null;
        }
      }
      return value + " is not one of " + enumeration;
    }
    List<String> types = new ArrayList<>();
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      types.add(type.textValue());
    } else if (type != null && type.isArray()) {
      type.forEach(name -> types.add(name.asText()));
    }
    if (types.isEmpty() || (value.isNull() && nullable) || types.stream().anyMatch(name -> fits(name, value))) {
      return null;
    }
    return value + " is not " + String.join(" or ", types.stream().map(ValueCheck::article).toList());
  }

  private static boolean fits(String type, JsonNode value) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber()
          || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "null" -> value.isNull();
      default -> true; // not a type we know: not ours to refuse
    };
  }

  /** Equal as JSON: numbers by value, so that {@code 20} and {@code 20.0} are the same. */
  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      BigDecimal x = a.decimalValue();
      BigDecimal y = b.decimalValue();
      return x.compareTo(y) == 0;
    }
    return a.equals(b);
  }

  private static String article(String type) {
    return switch (type) {
      case "integer", "array", "object" -> "an " + type;
      case "null" -> "null";
      default -> "a " + type;
    };
  }
}
