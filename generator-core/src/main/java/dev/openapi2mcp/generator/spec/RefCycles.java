package dev.openapi2mcp.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds local {@code $ref}s that lead back to themselves through nothing but other references: {@code A: {$ref:
 * '#/components/schemas/A'}}, two parameters that each name the other, a path item that is a reference to itself.
 * Such a reference defines nothing; swagger-parser drops the parameter, body or path item it stands for without a
 * word, and keeps a schema that, as JSON Schema, a validator would follow forever. Recursion through real content
 * ({@code A} has a property of type {@code B}, which has one of type {@code A}) is not a cycle here: it is a
 * recursive schema, which the schema converter bounds.
 *
 * <p>Invariants: every member of such a cycle is reported once, at its own {@code $ref}; references under data or
 * extension members are not followed ({@link DataKeys}); each reference is followed at most once over the whole
 * document, so chains and cycles of any length cost time in proportion to their length.
 */
final class RefCycles {

  /**
   * A reference that is part of a cycle: the pointer of the object holding it, and the references from there back
   * to it (the first and last are the same; a long cycle ends in {@code ...}).
   */
  record Cycle(String pointer, List<String> chain) {}

  /** Members of a cycle named in one message; a hostile cycle may have thousands. */
  private static final int MAX_SHOWN = 6;

  private RefCycles() {}

  /** The cycles of {@code document}, one entry per member, in the order the walk meets them. */
  static List<Cycle> find(JsonNode document) {
    List<Cycle> cycles = new ArrayList<>();
    if (document == null) {
      return cycles;
    }
    Set<String> settled = new HashSet<>();
    DataKeys.forEachStructureObject(document, (node, at) -> {
      if (localRef(node) == null) {
        return;
      }
      String start = at.pointer();
      if (settled.contains(start)) {
        return;
      }
      List<String> chain = new ArrayList<>();
      Set<String> onChain = new HashSet<>();
      chain.add(start);
      onChain.add(start);
      JsonNode holder = node;
      while (true) {
        String ref = localRef(holder);
        String target = ref == null ? null : LocalRefInliner.percentDecode(ref.substring(1));
        if (target == null || !(target.isEmpty() || target.startsWith("/")) || settled.contains(target)) {
          break; // real content, a target the parser reports as malformed or missing, or one followed before
        }
        if (onChain.contains(target)) {
          List<String> members = chain.subList(chain.indexOf(target), chain.size());
          for (int i = 0; i < members.size(); i++) {
            cycles.add(new Cycle(members.get(i), rotation(members, i)));
          }
          break;
        }
        chain.add(target);
        onChain.add(target);
        holder = document.at(target);
      }
      settled.addAll(chain);
    });
    return cycles;
  }

  /** The cycle read from its {@code first}-th member back to it, as references; a long one is cut short. */
  private static List<String> rotation(List<String> members, int first) {
    List<String> refs = new ArrayList<>();
    for (int i = 0; i <= members.size() && i <= MAX_SHOWN; i++) {
      refs.add("#" + members.get((first + i) % members.size()));
    }
    if (members.size() > MAX_SHOWN) {
      refs.add("...");
    }
    return refs;
  }

  /** The {@code $ref} of {@code node} when it is a local reference, else null. */
  private static String localRef(JsonNode node) {
    JsonNode ref = node.isObject() ? node.get("$ref") : null;
    return ref != null && ref.isTextual() && ref.asText().startsWith("#") ? ref.asText() : null;
  }
}
