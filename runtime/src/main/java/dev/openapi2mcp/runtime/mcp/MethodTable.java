package dev.openapi2mcp.runtime.mcp;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which request methods exist, per protocol revision, and which exist before {@code initialize}.
 *
 * <p>All revisions served today share one set of methods (their differences are in serialization, see {@link
 * ProtocolRevision}); the table is keyed on the revision anyway so that a revision with other methods, such as the
 * stateless 2026 one, gets its own entry without touching the others.
 */
final class MethodTable {
  static final String INITIALIZE = "initialize";
  static final String PING = "ping";
  static final String TOOLS_LIST = "tools/list";
  static final String TOOLS_CALL = "tools/call";
  static final String LOGGING_SET_LEVEL = "logging/setLevel";

  private final Map<String, MethodHandler> beforeInitialize;
  private final Map<ProtocolRevision, Map<String, MethodHandler>> byRevision = new EnumMap<>(ProtocolRevision.class);

  MethodTable(Map<String, MethodHandler> beforeInitialize, Map<String, MethodHandler> operating) {
    this.beforeInitialize = Map.copyOf(beforeInitialize);
    for (ProtocolRevision revision : ProtocolRevision.values()) {
      byRevision.put(revision, new LinkedHashMap<>(operating));
    }
  }

  /** The handler of {@code method} for a session in {@code revision}, or before initialization when empty. */
  Optional<MethodHandler> find(Optional<ProtocolRevision> revision, String method) {
    Map<String, MethodHandler> table = revision.map(byRevision::get).orElse(beforeInitialize);
    return Optional.ofNullable(table.get(method));
  }

  /** Whether some revision knows the method: tells "not yet initialized" apart from "no such method". */
  boolean isKnown(String method) {
    return byRevision.values().stream().anyMatch(t -> t.containsKey(method));
  }
}
