package dev.openapi2mcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One root schema being built (one tool's input schema): converts its parts and collects the recursive
 * components they refer to, which {@link #defs()} then renders for the root's {@code $defs}.
 */
public final class SchemaScope {
  private final SchemaConverter converter;
  private final Set<String> needed = new LinkedHashSet<>();

  SchemaScope(SchemaConverter converter) {
    this.converter = converter;
  }

  /** {@code #/$defs/Name}, escaped as a JSON pointer inside a URI fragment. */
  public static String defsReference(String name) {
    String token = JsonPointers.escape(name);
    StringBuilder encoded = new StringBuilder("#/$defs/");
    for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  /**
   * Converts one OpenAPI schema of this root.
   *
   * @param pointer where the schema is in the spec, for diagnostics
   */
  public JsonNode convert(JsonNode openApiSchema, String pointer) {
    return converter.convert(openApiSchema, pointer, needed);
  }

  /**
   * The definitions of every recursive component this root refers to, directly or through other definitions,
   * sorted by name; empty when there are none.
   */
  public ObjectNode defs() {
    Map<String, JsonNode> rendered = new TreeMap<>();
    Deque<String> pending = new ArrayDeque<>(needed);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (rendered.containsKey(name)) {
        continue;
      }
      Set<String> more = new LinkedHashSet<>();
      rendered.put(name, converter.definitionSchema(name, more));
      pending.addAll(more);
    }
    ObjectNode defs = JsonNodeFactory.instance.objectNode();
    rendered.forEach(defs::set);
    return defs;
  }
}
