package dev.openapi2mcp.generator.tool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How arguments become the request body: either one argument is the whole body, or the body is an object
 * assembled from flattened arguments.
 *
 * @param mediaType the content type sent
 * @param required whether the operation requires a body
 * @param argument the argument holding the whole body, or null when flattened
 * @param properties for a flattened body, argument name → property name on the wire, in spec order; else empty
 */
public record BodyBindingModel(String mediaType, boolean required, String argument, Map<String, String> properties) {

  public BodyBindingModel {
    Objects.requireNonNull(mediaType, "mediaType");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    if ((argument == null) == properties.isEmpty()) {
      throw new IllegalArgumentException("a body is either one argument or a non-empty set of properties");
    }
  }

  public boolean flattened() {
    return argument == null;
  }
}
