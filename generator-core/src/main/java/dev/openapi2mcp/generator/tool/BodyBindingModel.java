package dev.openapi2mcp.generator.tool;

import dev.openapi2mcp.generator.model.BodyModel;
import dev.openapi2mcp.generator.model.MediaTypes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How arguments become the request body: either one argument is the whole body, or the body is an object
 * assembled from flattened arguments (for {@code multipart/form-data}, some of them file parts).
 *
 * @param mediaType the content type sent
 * @param required whether the operation requires a body
 * @param argument the argument holding the whole body, or null when flattened
 * @param properties for a flattened body, argument name → property name on the wire, in spec order; else empty
 * @param fileArguments the arguments among {@code properties}' keys that are multipart file parts, in spec order
 * @param encodings wire field name → the serialization style its Encoding Object sets, sorted by name; the runtime
 *     serializes such a form or multipart field like a query parameter of that style
 */
public record BodyBindingModel(String mediaType, boolean required, String argument, Map<String, String> properties,
    List<String> fileArguments, Map<String, BodyModel.PartStyle> encodings) {

  public BodyBindingModel {
    Objects.requireNonNull(mediaType, "mediaType");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    fileArguments = fileArguments == null ? List.of() : List.copyOf(fileArguments);
    encodings = encodings == null ? Map.of() : Collections.unmodifiableMap(new java.util.TreeMap<>(encodings));
    if ((argument == null) == properties.isEmpty()) {
      throw new IllegalArgumentException("a body is either one argument or a non-empty set of properties");
    }
    if (!properties.keySet().containsAll(fileArguments)) {
      throw new IllegalArgumentException("file arguments " + fileArguments + " are not all body properties");
    }
  }

  /** A body without serialization styles. */
  public BodyBindingModel(String mediaType, boolean required, String argument, Map<String, String> properties,
      List<String> fileArguments) {
    this(mediaType, required, argument, properties, fileArguments, Map.of());
  }

  /** A body without file parts. */
  public BodyBindingModel(String mediaType, boolean required, String argument, Map<String, String> properties) {
    this(mediaType, required, argument, properties, List.of());
  }

  public boolean flattened() {
    return argument == null;
  }

  /** Whether this is a flattened {@code multipart/form-data} body, built part by part. */
  public boolean multipart() {
    return flattened() && MediaTypes.isMultipartForm(mediaType);
  }
}
