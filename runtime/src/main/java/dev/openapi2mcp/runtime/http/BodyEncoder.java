package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.RequestBody;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.MediaType;

/**
 * Builds the HTTP request body from a tool's arguments.
 *
 * <p>What is sent: for {@link RequestBody#whole whole} bodies the value of the one body argument; for
 * {@link RequestBody#flattened flattened} bodies an object of the supplied arguments under their wire names (in
 * declaration order; absent arguments are left out). How it is encoded depends on the declared media type:
 * <ul>
 *   <li>{@code application/json} and {@code …+json}: the value as JSON;</li>
 *   <li>{@code application/x-www-form-urlencoded}: the object's properties as form fields; a field with an
 *       Encoding Object style ({@link RequestBody#encodings()}) is serialized like a query parameter of that style
 *       ({@code deepObject}: {@code card%5Bnumber%5D=…}), every reserved character percent-encoded, the style's
 *       delimiters included; others follow the Encoding Object defaults: arrays repeat
 *       the field, objects are sent as JSON text, nulls are left out;</li>
 *   <li>{@code multipart/form-data}: one part per field, file arguments as file parts; see
 *       {@link MultipartEncoder} for the rules and limits of file parts;</li>
 *   <li>text ({@code text/*}, XML, YAML, CSV…, see {@link MediaTypes#isTextual}): a string value as is (other values
 *       as their JSON text), UTF-8 unless the media type names a charset, which {@code text/*} then gets;</li>
 *   <li>binary ({@code application/octet-stream}, {@code image/*}, {@code audio/*}, {@code video/*},
 *       {@code font/*}, PDF, archives…, see {@link MediaTypes#isBinary}): the argument is a <em>base64</em> string
 *       (standard or URL-safe alphabet) and its decoded bytes are sent, at most the per-file limit;</li>
 *   <li>anything else: a string value as is, other values as their JSON text, with the declared content type.</li>
 * </ul>
 * The {@code Content-Type} header is the declared media type exactly (no charset is added to JSON, which is UTF-8
 * by definition), except for multipart, whose boundary parameter is added.
 */
final class BodyEncoder {
  private BodyEncoder() {}

  /**
   * The body to send, or null when the operation's body is optional and no argument for it was given.
   *
   * @param files where file parts named by {@code path} are read from, and the size limit of binary content
   * @throws InvalidRequestException when the value cannot be encoded as the media type demands
   */
  static okhttp3.RequestBody encode(RequestBody binding, ObjectNode arguments, LocalFiles files)
      throws InvalidRequestException {
    JsonNode value;
    String argumentName;
    Set<String> fileParts = new HashSet<>();
    if (binding.argument() != null) {
      argumentName = binding.argument();
      value = arguments.get(argumentName);
      if (value == null || value.isNull()) {
        if (binding.required()) {
          throw new InvalidRequestException("missing required argument '" + argumentName + "' (the request body)");
        }
        return null;
      }
    } else {
      argumentName = "body";
      ObjectNode object = JsonText.MAPPER.createObjectNode();
      for (Map.Entry<String, String> property : binding.properties().entrySet()) {
        JsonNode argument = arguments.get(property.getKey());
        if (argument != null) {
          object.set(property.getValue(), argument);
          if (binding.fileArguments().contains(property.getKey())) {
            fileParts.add(property.getValue());
          }
        }
      }
      if (object.isEmpty() && !binding.required()) {
        return null;
      }
      value = object;
    }
    MediaType declared = MediaType.parse(binding.mediaType());
    MediaType contentType = declared != null ? declared : MediaType.get("application/json");
    if (MediaTypes.isMultipart(contentType)) {
      return MultipartEncoder.encode(contentType, fields(argumentName, value), fileParts, binding.encodings(), files);
    }
    byte[] bytes;
    if (MediaTypes.isJson(contentType)) {
      bytes = json(value).getBytes(StandardCharsets.UTF_8);
    } else if (MediaTypes.isForm(contentType)) {
      bytes = form(argumentName, value, binding.encodings()).getBytes(StandardCharsets.US_ASCII);
    } else if (MediaTypes.isTextual(contentType)) {
      Charset charset = contentType.charset(StandardCharsets.UTF_8);
      bytes = (value.isTextual() ? value.textValue() : json(value)).getBytes(charset);
      if (contentType.charset() == null && MediaTypes.isText(contentType)) {
        contentType = MediaType.get(contentType + "; charset=utf-8");
      }
    } else if (MediaTypes.isBinary(contentType)) {
      if (!value.isTextual()) {
        throw new InvalidRequestException(argumentName + ": expected the body as a base64 string, got "
            + JsonValues.describe(value));
      }
      files.checkSize(argumentName, (long) value.textValue().length() * 3 / 4 - 2);
      bytes = Base64Text.decode(argumentName, value.textValue());
    } else {
      bytes = (value.isTextual() ? value.textValue() : json(value)).getBytes(StandardCharsets.UTF_8);
    }
    return okhttp3.RequestBody.create(bytes, contentType);
  }

  /** The multipart fields: the flattened body's properties, or the properties of a whole object body. */
  private static Map<String, JsonNode> fields(String argumentName, JsonNode value) throws InvalidRequestException {
    if (!value.isObject()) {
      throw new InvalidRequestException(argumentName + ": a multipart body must be an object, got "
          + JsonValues.describe(value));
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    value.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
    return fields;
  }

  private static String form(String argumentName, JsonNode value, Map<String, RequestBody.Encoding> encodings)
      throws InvalidRequestException {
    if (!value.isObject()) {
      throw new InvalidRequestException(argumentName + ": a form body must be an object, got "
          + JsonValues.describe(value));
    }
    List<String> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      JsonNode fieldValue = field.getValue();
      RequestBody.Encoding encoding = encodings.get(field.getKey());
      if (encoding != null) {
        for (ParameterSerializer.Pair pair : styled(field.getKey(), encoding, fieldValue)) {
          // Form encoding escapes every reserved character, the style's own delimiters included (WHATWG
          // urlencoded); servers decode before they split, so "a%2Cb" is read as the list a, b.
          fields.add(PercentEncoder.encode(PercentDecoder.decode(pair.name())) + "="
              + PercentEncoder.encode(PercentDecoder.decode(pair.value())));
        }
        continue;
      }
      String name = PercentEncoder.encode(field.getKey());
      if (fieldValue.isArray()) {
        for (JsonNode item : fieldValue) {
          if (!item.isNull()) {
            fields.add(name + "=" + PercentEncoder.encode(JsonValues.scalarText(item)));
          }
        }
      } else if (!fieldValue.isNull()) {
        fields.add(name + "=" + PercentEncoder.encode(JsonValues.scalarText(fieldValue)));
      }
    }
    return String.join("&", fields);
  }

  /** A form field with an Encoding Object style: serialized like a query parameter of that style. */
  static List<ParameterSerializer.Pair> styled(String name, RequestBody.Encoding encoding, JsonNode value) {
    if (value.isNull()) {
      return List.of();
    }
    ParameterBinding binding =
        new ParameterBinding(name, name, ParameterLocation.QUERY, encoding.style(), encoding.explode(), false);
    return ParameterSerializer.queryPairs(binding, value);
  }

  private static String json(JsonNode value) {
    try {
      return JsonText.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // A JsonNode tree always serializes; this is not reachable with Jackson's own node types.
      throw new IllegalStateException("cannot serialize the request body", e);
    }
  }
}
