package dev.openapi2mcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps one tool schema (a converted, 2020-12 root with its {@code $defs}) within a {@link SchemaBudget}.
 *
 * <p>First depth: a schema at the depth limit that still has subschemas is cut. Then size: while the compact JSON
 * is larger than the byte limit, subtrees are cut level by level from the deepest up, the largest of a level
 * first, until it fits; a level is only reached when cutting below it did not suffice. So the top of the schema
 * (the arguments and their first levels) survives longest, and small branches are left whole where large ones
 * are enough. {@code $defs} entries count as one level below the root; entries nothing refers to any more are
 * removed.
 *
 * <p>A cut subtree becomes a permissive schema: its {@code type} stays (with {@code items: {}} for arrays), every
 * other constraint goes, and its description says that the budget cut it and why, so the model knows the value
 * is not checked there (the warning says the same to whoever builds the server). The root itself is never cut; its
 * {@code properties} (one per argument) can be. A cut that would not save bytes is not made, so a schema of many
 * small arguments may stay over the byte limit.
 *
 * <p>Invariants: the result is valid 2020-12 (every remaining {@code $ref} resolves); the same input gives the same
 * cuts; a cut is reported with the JSON pointer it had in the tool schema and its reason. Work is linear in the
 * size of the schema per level cut (JSON pointers are only spelled out for cuts), so that specs with megabyte-sized
 * schemas (Stripe) stay fast.
 */
public final class SchemaBudgeter {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String DEFS_PREFIX = "#/$defs/";

  /** One cut: where it was in the tool schema, and why. */
  public record Cut(String pointer, String reason) {}

  private final SchemaBudget budget;

  public SchemaBudgeter(SchemaBudget budget) {
    this.budget = budget;
  }

  /** Cuts {@code root} in place until it fits; returns the cuts in the order they were made. */
  public List<Cut> apply(ObjectNode root) {
    List<Cut> cuts = new ArrayList<>();
    String depthReason = "nested deeper than the depth budget of " + budget.maxDepth();
    String depthNote = "deeper than " + budget.maxDepth() + " levels";
    cutDeep(root, 0, null, depthReason, depthNote, cuts);
    dropUnusedDefs(root);
    Map<JsonNode, Integer> sizes = sizes(root);
    int size = sizes.get(root);
    if (size <= budget.maxBytes()) {
      return cuts;
    }
    String reason = "the schema was " + size + " bytes, over the size budget of " + budget.maxBytes();
    String note = "over " + budget.maxBytes() + " bytes";
    TreeMap<Integer, List<Candidate>> byLevel = candidates(root);
    Integer level = byLevel.isEmpty() ? null : byLevel.lastKey();
    while (level != null && size > budget.maxBytes()) {
      List<Candidate> candidates = new ArrayList<>();
      for (Candidate candidate : byLevel.get(level)) {
        int gain = sizes.get(candidate.child().schema()) - measure(cut(candidate.child().schema(), note), null);
        if (gain > 0) {
          candidates.add(candidate.withGain(gain));
        }
      }
      candidates.sort(Comparator.comparingInt(Candidate::gain).reversed()); // stable: ties in document order
      // Subtrees of one level are disjoint, so their gains add up; dropped $defs only save more.
      boolean cutSome = false;
      for (Candidate candidate : candidates) {
        if (size <= budget.maxBytes()) {
          break;
        }
        candidate.child().replace(cut(candidate.child().schema(), note));
        cuts.add(new Cut(candidate.child().path().pointer(), reason));
        for (JsonNode ancestor : candidate.ancestors()) {
          sizes.put(ancestor, sizes.get(ancestor) - candidate.gain());
        }
        size -= candidate.gain();
        cutSome = true;
      }
      if (cutSome && dropUnusedDefs(root)) {
        // Whole definitions went: measure again, and forget candidates inside them.
        sizes = sizes(root);
        size = sizes.get(root);
        byLevel = candidates(root);
      }
      level = byLevel.lowerKey(level);
    }
    return cuts;
  }

  private void cutDeep(JsonNode schema, int depth, Path path, String reason, String note, List<Cut> cuts) {
    for (Child child : children(schema, path)) {
      int childDepth = child.defsEntry() ? 1 : depth + 1;
      if (childDepth >= budget.maxDepth() && hasChildren(child.schema())) {
        child.replace(cut(child.schema(), note));
        cuts.add(new Cut(child.path().pointer(), reason));
      } else {
        cutDeep(child.schema(), childDepth, child.path(), reason, note, cuts);
      }
    }
  }

  /**
   * A subschema that could be cut, the schemas that contain it (root first), and what cutting it saves (0 until
   * known).
   */
  private record Candidate(Child child, List<JsonNode> ancestors, int gain) {
    Candidate withGain(int value) {
      return new Candidate(child, ancestors, value);
    }
  }

  /** The subschemas that have subschemas of their own, by depth, each level in document order. */
  private static TreeMap<Integer, List<Candidate>> candidates(ObjectNode root) {
    TreeMap<Integer, List<Candidate>> byLevel = new TreeMap<>();
    List<JsonNode> stack = new ArrayList<>();
    stack.add(root);
    collect(root, 0, null, stack, byLevel);
    return byLevel;
  }

  private static void collect(JsonNode schema, int depth, Path path, List<JsonNode> stack,
      Map<Integer, List<Candidate>> into) {
    for (Child child : children(schema, path)) {
      if (!hasChildren(child.schema())) {
        continue;
      }
      int childDepth = child.defsEntry() ? 1 : depth + 1;
      into.computeIfAbsent(childDepth, k -> new ArrayList<>()).add(new Candidate(child, List.copyOf(stack), 0));
      stack.add(child.schema());
      collect(child.schema(), childDepth, child.path(), stack, into);
      stack.remove(stack.size() - 1);
    }
  }

  /**
   * The permissive stand-in for a cut subtree; kept short, since a size cut must save bytes.
   *
   * @param note why, in a few words, e.g. {@code deeper than 12 levels}
   */
  static ObjectNode cut(JsonNode original, String note) {
    Map<String, JsonNode> fields = new HashMap<>();
    JsonNode type = original.get("type");
    String what = "any value";
    if (type != null && (type.isTextual() || type.isArray())) {
      fields.put("type", type.deepCopy());
      what = "any " + String.join(" or ", texts(type)) + " value";
      if (texts(type).contains("array")) {
        fields.put("items", JSON.objectNode());
      }
    }
    StringBuilder description = new StringBuilder("Cut by the schema budget (").append(note)
        .append("): ").append(what).append(" is accepted here.");
    JsonNode own = original.get("description");
    if (own != null && own.isTextual() && !own.asText().isBlank()) {
      description.append(' ').append(own.asText().strip());
    }
    fields.put("description", JSON.textNode(description.toString()));
    return Schemas.ordered(fields);
  }

  private static List<String> texts(JsonNode type) {
    List<String> names = new ArrayList<>();
    if (type.isTextual()) {
      names.add(type.asText());
    } else {
      type.forEach(t -> names.add(t.asText()));
    }
    return names;
  }

  /**
   * Removes {@code $defs} entries that no {@code $ref} outside them, directly or through other entries, reaches;
   * returns whether it removed any.
   */
  private static boolean dropUnusedDefs(ObjectNode root) {
    JsonNode defs = root.get("$defs");
    if (defs == null || !defs.isObject()) {
      return false;
    }
    Set<String> reachable = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>();
    refs(root, true, pending);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (reachable.add(name) && defs.has(name)) {
        refs(defs.get(name), false, pending);
      }
    }
    List<String> unused = new ArrayList<>();
    defs.fieldNames().forEachRemaining(name -> {
      if (!reachable.contains(name)) {
        unused.add(name);
      }
    });
    unused.forEach(((ObjectNode) defs)::remove);
    if (defs.isEmpty()) {
      root.remove("$defs");
    }
    return !unused.isEmpty();
  }

  private static void refs(JsonNode node, boolean skipDefs, Deque<String> into) {
    if (node.isObject()) {
      node.properties().forEach(field -> {
        if (field.getKey().equals("$ref") && field.getValue().isTextual()
            && field.getValue().asText().startsWith(DEFS_PREFIX)) {
          into.add(defsName(field.getValue().asText()));
        } else if (!(skipDefs && field.getKey().equals("$defs"))) {
          refs(field.getValue(), false, into);
        }
      });
    } else if (node.isArray()) {
      node.forEach(element -> refs(element, false, into));
    }
  }

  /** The {@code $defs} key a {@link SchemaScope#defsReference} names. */
  private static String defsName(String ref) {
    String token = URLDecoder.decode(ref.substring(DEFS_PREFIX.length()).replace("+", "%2B"),
        StandardCharsets.UTF_8);
    return JsonPointers.unescape(token);
  }

  /**
   * The compact JSON size of every container node of {@code root}, by identity, in one pass: containers add up
   * their members, and strings are measured without serializing them.
   */
  private static Map<JsonNode, Integer> sizes(JsonNode root) {
    Map<JsonNode, Integer> sizes = new IdentityHashMap<>();
    measure(root, sizes);
    return sizes;
  }

  /** The size of {@code node} as compact JSON in UTF-8; records containers' sizes in {@code sizes} if given. */
  private static int measure(JsonNode node, Map<JsonNode, Integer> sizes) {
    int size;
    if (node.isObject()) {
      size = 2 + Math.max(0, node.size() - 1);
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        size += stringSize(field.getKey()) + 1 + measure(field.getValue(), sizes);
      }
    } else if (node.isArray()) {
      size = 2 + Math.max(0, node.size() - 1);
      for (JsonNode element : node) {
        size += measure(element, sizes);
      }
    } else if (node.isTextual()) {
      return stringSize(node.textValue());
    } else {
      return Schemas.toJson(node).length(); // numbers, booleans, null: ASCII
    }
    if (sizes != null) {
      sizes.put(node, size);
    }
    return size;
  }

  /** The UTF-8 length of {@code text} as a JSON string, escaped as Jackson escapes it by default. */
  private static int stringSize(String text) {
    int size = 2;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
        size += 2;
      } else if (c < 0x20) {
        size += 6;
      } else if (c < 0x80) {
        size += 1;
      } else if (c < 0x800) {
        size += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        size += 4;
        i++;
      } else {
        size += 3;
      }
    }
    return size;
  }

  /** Where a subschema is, as a chain of reference tokens; spelled out as a JSON pointer only when asked. */
  private record Path(Path parent, String token) {
    String pointer() {
      Deque<String> tokens = new ArrayDeque<>();
      for (Path p = this; p != null; p = p.parent()) {
        tokens.push(p.token());
      }
      return JsonPointers.of(List.copyOf(tokens));
    }
  }

  /** A subschema in its parent container, which it can be replaced in. */
  private record Child(JsonNode schema, Path path, boolean defsEntry, JsonNode container, String key, int index) {
    void replace(JsonNode replacement) {
      if (container instanceof ObjectNode object) {
        object.set(key, replacement);
      } else {
        ((ArrayNode) container).set(index, replacement);
      }
    }
  }

  /** The direct subschemas of {@code schema}, in document order; {@code $defs} entries are marked. */
  private static List<Child> children(JsonNode schema, Path path) {
    List<Child> children = new ArrayList<>();
    if (!schema.isObject()) {
      return children;
    }
    for (Map.Entry<String, JsonNode> field : schema.properties()) {
      String keyword = field.getKey();
      JsonNode value = field.getValue();
      if (Keywords.SCHEMA.contains(keyword) && value.isObject()) {
        children.add(new Child(value, new Path(path, keyword), false, schema, keyword, -1));
      } else if (Keywords.SCHEMA_ARRAY.contains(keyword) && value.isArray()) {
        Path at = new Path(path, keyword);
        for (int i = 0; i < value.size(); i++) {
          if (value.get(i).isObject()) {
            children.add(new Child(value.get(i), new Path(at, Integer.toString(i)), false, value, null, i));
          }
        }
      } else if ((Keywords.SCHEMA_MAP.contains(keyword) || keyword.equals("$defs")) && value.isObject()) {
        Path at = new Path(path, keyword);
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          if (entry.getValue().isObject()) {
            children.add(new Child(entry.getValue(), new Path(at, entry.getKey()), keyword.equals("$defs"), value,
                entry.getKey(), -1));
          }
        }
      }
    }
    return children;
  }

  /** Whether {@code schema} has a subschema (one that is an object; boolean schemas are leaves). */
  private static boolean hasChildren(JsonNode schema) {
    if (!schema.isObject()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> field : schema.properties()) {
      String keyword = field.getKey();
      JsonNode value = field.getValue();
      if (Keywords.SCHEMA.contains(keyword) && value.isObject()) {
        return true;
      }
      if ((Keywords.SCHEMA_ARRAY.contains(keyword) || Keywords.SCHEMA_MAP.contains(keyword)
          || keyword.equals("$defs")) && value.isContainerNode()) {
        for (JsonNode element : value) {
          if (element.isObject()) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
