package dev.openapi2mcp.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Replaces local {@code $ref}s other than plain component references ({@code #/components/KIND/NAME}) with a copy of
 * what they point at.
 *
 * <p>JSON References may point anywhere in the document, and real descriptions use that: DigitalOcean's refers to
 * another operation's parameters ({@code #/paths/~1v2~1account~1keys/get/parameters/0}), nexmo.com's to the schema
 * inside a response component ({@code #/components/responses/X/content/application~1json/schema}). swagger-parser
 * resolves only plain component references and rejects or empties the others. Inlining them first gives it a
 * document it understands, with the same meaning.
 *
 * <p>Invariants: plain component references are left alone (the schema converter needs them to see recursion); a
 * reference whose target is missing is left for the parser to report; a chain of such references that leads back
 * to itself is cut by leaving the innermost reference in place.
 */
final class LocalRefInliner {
  private static final java.util.regex.Pattern PLAIN_COMPONENT =
      java.util.regex.Pattern.compile("^#/components/[^/]+/[^/]+$");

  private final JsonNode document;

  private LocalRefInliner(JsonNode document) {
    this.document = document;
  }

  /** True when the document has a local {@code $ref} that {@link #inline} changes. */
  static boolean needed(JsonNode document) {
    return document != null && find(document, document, null);
  }

  /** True when some {@code $ref} of the document is not local (another file or a URL). */
  static boolean hasNonLocalRefs(JsonNode node) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
        return true;
      }
    }
    for (JsonNode child : node) {
      if (hasNonLocalRefs(child)) {
        return true;
      }
    }
    return false;
  }

  /** A copy of the document with those references inlined. */
  static JsonNode inline(JsonNode document) {
    return new LocalRefInliner(document).expand(document.deepCopy(), null, new ArrayDeque<>());
  }

  private static boolean find(JsonNode document, JsonNode node, String key) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && inlinable(ref.asText()) && !target(document, ref.asText()).isMissingNode()) {
        return true;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!DataKeys.holdsData(key, field.getKey()) && find(document, field.getValue(), field.getKey())) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (find(document, element, key)) {
          return true;
        }
      }
    }
    return false;
  }

  private JsonNode expand(JsonNode node, String key, Deque<String> active) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && inlinable(ref.asText()) && !active.contains(ref.asText())) {
        JsonNode target = target(document, ref.asText());
        if (!target.isMissingNode()) {
          active.push(ref.asText());
          JsonNode replacement = expand(target.deepCopy(), key, active);
          active.pop();
          if (replacement.isObject()) {
            // Siblings of a $ref (allowed in 3.1) win over what the target says.
            ObjectNode merged = (ObjectNode) replacement;
            object.properties().stream().filter(e -> !e.getKey().equals("$ref"))
                .forEach(e -> merged.set(e.getKey(), expand(e.getValue(), e.getKey(), active)));
          }
          return replacement;
        }
      }
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (!DataKeys.holdsData(key, field.getKey())) {
          field.setValue(expand(field.getValue(), field.getKey(), active));
        }
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, expand(array.get(i), key, active));
      }
    }
    return node;
  }

  /** Local, and not a plain component reference {@code #/components/KIND/NAME}. */
  private static boolean inlinable(String ref) {
    return ref.startsWith("#/") && !PLAIN_COMPONENT.matcher(ref).matches();
  }

  private static JsonNode target(JsonNode document, String ref) {
    return document.at(percentDecode(ref.substring(1)));
  }

  /** A URI fragment to the JSON pointer it encodes; malformed escapes are kept as they are. */
  static String percentDecode(String fragment) {
    if (fragment.indexOf('%') < 0) {
      return fragment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < fragment.length(); i++) {
      char c = fragment.charAt(i);
      if (c == '%' && i + 2 < fragment.length() && isHex(fragment.charAt(i + 1)) && isHex(fragment.charAt(i + 2))) {
        bytes.write(Integer.parseInt(fragment.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
