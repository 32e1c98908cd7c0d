package dev.openapi2mcp.runtime.tool;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a tool's arguments become the HTTP request body.
 *
 * <p>Exactly one of two shapes holds:
 * <ul>
 *   <li>{@code argument != null}: the value of that one argument is the whole body (arrays, scalars, objects
 *       that could not be flattened);</li>
 *   <li>{@code argument == null}: the body is an object assembled from the arguments in {@code properties},
 *       keyed argument name → property name on the wire. Arguments absent from the call are left out.</li>
 * </ul>
 *
 * @param mediaType the request content type, e.g. {@code application/json}
 * @param required whether the operation requires a body at all
 */
public record RequestBody(String mediaType, boolean required, String argument, Map<String, String> properties) {

  public RequestBody {
    Objects.requireNonNull(mediaType, "mediaType");
    // Insertion order is kept: it is the order of the properties on the wire.
    properties = properties == null
        ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    if ((argument == null) == properties.isEmpty()) {
      throw new IllegalArgumentException("a body is either one argument or a non-empty set of properties");
    }
  }

  /** The whole body is the value of {@code argument}. */
  public static RequestBody whole(String mediaType, boolean required, String argument) {
    return new RequestBody(mediaType, required, Objects.requireNonNull(argument, "argument"), Map.of());
  }

  /**
   * The body is an object built from flattened arguments.
   *
   * @param argumentsAndNames alternating argument name, wire property name, as generated code writes them
   */
  public static RequestBody flattened(String mediaType, boolean required, String... argumentsAndNames) {
    if (argumentsAndNames.length % 2 != 0) {
      throw new IllegalArgumentException("argument/name pairs expected");
    }
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < argumentsAndNames.length; i += 2) {
      map.put(argumentsAndNames[i], argumentsAndNames[i + 1]);
    }
    return new RequestBody(mediaType, required, null, map);
  }

  /** Argument names that feed the body, in declaration order for {@code flattened} bodies. */
  public List<String> arguments() {
    return argument != null ? List.of(argument) : List.copyOf(properties.keySet());
  }
}
