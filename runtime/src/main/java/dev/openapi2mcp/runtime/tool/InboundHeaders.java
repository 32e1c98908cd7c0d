package dev.openapi2mcp.runtime.tool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The headers of the MCP client's HTTP request that carried a tool call (issue 5): what the runtime may forward
 * upstream when the operator names a header with {@code --forward-header}, and where an on-behalf-of token exchange
 * finds the caller's bearer token. Empty on stdio, where there are no inbound headers.
 *
 * <p>Names are compared case-insensitively. Invariant: {@link #toString()} shows the header names only, never a
 * value, since values include the client's own credentials.
 */
public final class InboundHeaders {
  /** No headers: stdio, or a call not made over HTTP. */
  public static final InboundHeaders NONE = new InboundHeaders(Map.of());

  private final Map<String, List<String>> byName;

  private InboundHeaders(Map<String, List<String>> byName) {
    this.byName = byName;
  }

  /** A copy of {@code headers}; names are case-insensitive, values keep their order. */
  public static InboundHeaders of(Map<String, List<String>> headers) {
    if (headers == null || headers.isEmpty()) {
      return NONE;
    }
    Map<String, List<String>> copy = new TreeMap<>();
    headers.forEach((name, values) -> {
      if (name != null && values != null) {
        copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values);
      }
    });
    copy.replaceAll((name, values) -> List.copyOf(values));
    return new InboundHeaders(Collections.unmodifiableMap(copy));
  }

  /** Every value of the header {@code name} (any case), in request order; empty when absent. */
  public List<String> values(String name) {
    return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** The first value of the header {@code name}, or null. */
  public String first(String name) {
    List<String> values = values(name);
    return values.isEmpty() ? null : values.get(0);
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InboundHeaders that && byName.equals(that.byName);
  }

  @Override
  public int hashCode() {
    return byName.hashCode();
  }

  @Override
  public String toString() {
    return "InboundHeaders" + byName.keySet();
  }
}
