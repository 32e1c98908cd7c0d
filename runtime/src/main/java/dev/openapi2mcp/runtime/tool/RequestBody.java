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
 * <p>{@code fileArguments} names the flattened arguments that are file parts of a {@code multipart/form-data} body.
 * A file argument's value is an object: {@code {"content": "<base64>", "filename": "…", "contentType": "…"}}, or,
 * where the server allows local files, {@code {"path": "…"}} (see the runtime's file-part rules); when the spec
 * declares the part as an array of files, the value is an array of such objects, each sent as its own part under
 * the part's name. Every other multipart argument is a plain form field.
 *
 * @param mediaType the request content type, e.g. {@code application/json}
 * <p>{@code encodings} carries the spec's Encoding Objects that set a serialization style, keyed by the field's
 * wire name: for {@code application/x-www-form-urlencoded} and {@code multipart/form-data} bodies, such a field is
 * serialized like a query parameter of that style and explode flag (e.g. Stripe's {@code deepObject} fields,
 * {@code card[number]=…}); a field without one follows the Encoding Object defaults (scalars as text, objects as
 * JSON, arrays one field per item).
 *
 * @param required whether the operation requires a body at all
 * @param fileArguments the subset of {@code properties}' keys that are file parts; empty for other bodies
 * @param encodings wire field name → its serialization style; empty when the spec sets none
 */
public record RequestBody(
    String mediaType, boolean required, String argument, Map<String, String> properties, List<String> fileArguments,
    Map<String, Encoding> encodings) {

  /**
   * How one form or multipart field is serialized, as the spec's Encoding Object says.
   *
   * @param style {@code form}, {@code spaceDelimited}, {@code pipeDelimited} or {@code deepObject}
   * @param explode the explode flag (defaulted as for query parameters)
   */
  public record Encoding(String style, boolean explode) {
    public Encoding {
      Objects.requireNonNull(style, "style");
    }
  }

  public RequestBody {
    Objects.requireNonNull(mediaType, "mediaType");
    fileArguments = fileArguments == null ? List.of() : List.copyOf(fileArguments);
    encodings = encodings == null
        ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(encodings));
    // Insertion order is kept: it is the order of the properties on the wire.
    properties = properties == null
        ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    if ((argument == null) == properties.isEmpty()) {
      throw new IllegalArgumentException("a body is either one argument or a non-empty set of properties");
    }
    for (String file : fileArguments) {
      if (!properties.containsKey(file)) {
        throw new IllegalArgumentException("file argument '" + file + "' is not one of the body's properties");
      }
    }
  }

  /** As the canonical constructor, with no serialization styles. */
  public RequestBody(
      String mediaType, boolean required, String argument, Map<String, String> properties, List<String> fileArguments) {
    this(mediaType, required, argument, properties, fileArguments, Map.of());
  }

  /** As the canonical constructor, with no file parts and no serialization styles. */
  public RequestBody(String mediaType, boolean required, String argument, Map<String, String> properties) {
    this(mediaType, required, argument, properties, List.of());
  }

  /** The same body with the field {@code wireName} serialized in {@code style}; generated code chains these. */
  public RequestBody encoding(String wireName, String style, boolean explode) {
    Map<String, Encoding> more = new java.util.LinkedHashMap<>(encodings);
    more.put(Objects.requireNonNull(wireName, "wireName"), new Encoding(style, explode));
    return new RequestBody(mediaType, required, argument, properties, fileArguments, more);
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

  /**
   * A {@code multipart/form-data} body of flattened arguments, of which {@code fileArguments} are file parts.
   *
   * @param argumentsAndNames alternating argument name, wire part name, as generated code writes them
   */
  public static RequestBody multipart(boolean required, List<String> fileArguments, String... argumentsAndNames) {
    RequestBody fields = flattened("multipart/form-data", required, argumentsAndNames);
    return new RequestBody(fields.mediaType(), required, null, fields.properties(), fileArguments);
  }

  /** Argument names that feed the body, in declaration order for {@code flattened} bodies. */
  public List<String> arguments() {
    return argument != null ? List.of(argument) : List.copyOf(properties.keySet());
  }
}
