package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.RequestBody;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;

/**
 * Builds the HTTP request body from a tool's arguments.
 *
 * <p>What is sent: for {@link RequestBody#whole whole} bodies the value of the one body argument; for
 * {@link RequestBody#flattened flattened} bodies an object of the supplied arguments under their wire names (in
 * declaration order; absent arguments are left out). How it is encoded depends on the declared media type:
 * <ul>
 *   <li>{@code application/json} and {@code …+json}: the value as JSON;</li>
 *   <li>{@code application/x-www-form-urlencoded}: the object's properties as form fields (arrays repeat the field,
 *       nested objects are sent as JSON text, nulls are left out);</li>
 *   <li>{@code text/*}: a string value as is (other values as their JSON text), UTF-8 unless the media type names
 *       a charset;</li>
 *   <li>{@code application/octet-stream}: the argument is a <em>base64</em> string (standard or URL-safe alphabet)
 *       and its decoded bytes are sent;</li>
 *   <li>anything else: the value as JSON text with the declared content type. {@code multipart/form-data} is not
 *       supported yet and falls in this case.</li>
 * </ul>
 * The {@code Content-Type} header is the declared media type exactly (no charset is added to JSON, which is UTF-8
 * by definition).
 */
final class BodyEncoder {
  private BodyEncoder() {}

  /**
   * The body to send, or null when the operation's body is optional and no argument for it was given.
   *
   * @throws InvalidRequestException when the value cannot be encoded as the media type demands
   */
  static okhttp3.RequestBody encode(RequestBody binding, ObjectNode arguments) throws InvalidRequestException {
    JsonNode value;
    String argumentName;
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
        }
      }
      if (object.isEmpty() && !binding.required()) {
        return null;
      }
      value = object;
    }
    MediaType declared = MediaType.parse(binding.mediaType());
    MediaType contentType = declared != null ? declared : MediaType.get("application/json");
    byte[] bytes;
    if (MediaTypes.isForm(contentType)) {
      bytes = form(argumentName, value).getBytes(StandardCharsets.US_ASCII);
    } else if (MediaTypes.isText(contentType)) {
      Charset charset = contentType.charset(StandardCharsets.UTF_8);
      bytes = (value.isTextual() ? value.textValue() : json(value)).getBytes(charset);
      if (contentType.charset() == null) {
        contentType = MediaType.get(contentType + "; charset=utf-8");
      }
    } else if (MediaTypes.isOctetStream(contentType)) {
      bytes = base64(argumentName, value);
    } else {
      bytes = json(value).getBytes(StandardCharsets.UTF_8);
    }
    return okhttp3.RequestBody.create(bytes, contentType);
  }

  private static String form(String argumentName, JsonNode value) throws InvalidRequestException {
    if (!value.isObject()) {
      throw new InvalidRequestException(argumentName + ": a form body must be an object, got "
          + JsonValues.describe(value));
    }
    List<String> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String name = PercentEncoder.encode(field.getKey());
      JsonNode fieldValue = field.getValue();
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

  private static byte[] base64(String argumentName, JsonNode value) throws InvalidRequestException {
    if (!value.isTextual()) {
      throw new InvalidRequestException(argumentName + ": expected the body as a base64 string, got "
          + JsonValues.describe(value));
    }
    // Line breaks are tolerated (MIME-style wrapping); any other character outside the alphabet is an error.
    String text = value.textValue().replaceAll("[\\r\\n\\t ]", "");
    try {
      return Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/'));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(argumentName + ": the body is not valid base64 (" + e.getMessage() + ")");
    }
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
