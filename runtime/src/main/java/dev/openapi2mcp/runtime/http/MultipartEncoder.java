package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.tool.RequestBody;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.MultipartBody;

/**
 * Encodes a {@code multipart/form-data} body (RFC 7578) from a tool's arguments.
 *
 * <h2>Fields</h2>
 * Every body argument that is not a file argument is a form field, one part named by its wire name, in the order
 * the binding declares them; absent and null arguments send no part.
 * <ul>
 *   <li>strings, numbers and booleans: a text part (no {@code Content-Type}, so {@code text/plain} by RFC 7578)
 *       holding the value's text, UTF-8;</li>
 *   <li>objects: one part with {@code Content-Type: application/json} holding the value's JSON (OpenAPI's default
 *       for objects);</li>
 *   <li>arrays: one part per item, all under the field's name (RFC 7578 §4.3; OpenAPI 3.1.1 §4.8.15.3), each item a
 *       text or JSON part as above;</li>
 *   <li>a field with an Encoding Object style ({@link RequestBody#encodings()}): the name/value pairs that style
 *       gives a query parameter, each a text part, without percent-encoding (OpenAPI 3.1.1 §4.8.15.1.2), e.g.
 *       {@code deepObject} parts named {@code address[city]}.</li>
 * </ul>
 *
 * <h2>File parts</h2>
 * A file argument ({@link RequestBody#fileArguments()}) is an object, or an array of objects each sent as its own
 * part under the same name:
 * <pre>
 *   {"content": "&lt;base64&gt;", "filename": "report.pdf", "contentType": "application/pdf"}
 *   {"path": "reports/2024.pdf"}                       (only with --file-root)
 * </pre>
 * <ul>
 *   <li>Exactly one of {@code content} and {@code path} is given.</li>
 *   <li>{@code content} is base64, standard or URL-safe alphabet, padding optional, line breaks ignored; anything
 *       else in it is an error.</li>
 *   <li>{@code path} is read from the local disk only when the server was started with {@code --file-root DIR},
 *       and only from inside DIR after normalisation and symbolic-link resolution; see {@link LocalFiles} for the
 *       rules. Without {@code --file-root} a path is refused and nothing is read.</li>
 *   <li>Each file part, from either source, may hold at most the server's per-file limit ({@code --max-file-size},
 *       32 MiB by default), and one request at most {@value UploadAllowance#MAX_FILE_PARTS} file parts of together
 *       at most {@value LocalFiles#TOTAL_FILE_PARTS_FACTOR} times that limit; a request over any of them is refused
 *       before anything is sent.</li>
 *   <li>A file named by {@code path} is not read into memory: it is streamed into the request as it is written
 *       ({@link FileBody}).</li>
 *   <li>{@code contentType}, when given, is at most {@value #MAX_CONTENT_TYPE_CHARS} characters.</li>
 *   <li>{@code filename} defaults to the file's own name for a path and to the part's name for content;
 *       {@code contentType} defaults to what the file name's extension suggests, else
 *       {@code application/octet-stream}.</li>
 * </ul>
 * Every refusal is an {@link InvalidRequestException} naming the argument: the call ends with an error result and no
 * request is sent.
 */
final class MultipartEncoder {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
  private static final Set<String> FILE_KEYS = Set.of("content", "path", "filename", "contentType");

  /** The longest {@code contentType} accepted: registered media types with their parameters are far shorter. */
  static final int MAX_CONTENT_TYPE_CHARS = 1024;

  private MultipartEncoder() {}

  /**
   * @param fields the body's fields, wire name → value, in order (absent arguments already left out)
   * @param fileArguments the wire names of the file parts among them
   * @param encodings the fields with an Encoding Object style, by wire name
   * @param files where {@code path} file parts are read from
   */
  static okhttp3.RequestBody encode(MediaType declared, Map<String, JsonNode> fields, Set<String> fileArguments,
      Map<String, RequestBody.Encoding> encodings, LocalFiles files) throws InvalidRequestException {
    MultipartBody.Builder body = new MultipartBody.Builder().setType(formType(declared));
    UploadAllowance allowance = files.allowance();
    int parts = 0;
    for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (value == null || value.isNull()) {
        continue;
      }
      if (fileArguments.contains(name)) {
        if (value.isArray()) {
          for (JsonNode item : value) {
            body.addPart(filePart(name, item, files, allowance));
            parts++;
          }
        } else {
          body.addPart(filePart(name, value, files, allowance));
          parts++;
        }
      } else if (encodings.containsKey(name)) {
        // RFC 6570-style fields in multipart: the style's name/value pairs as text parts, not percent-encoded.
        for (ParameterSerializer.Pair pair : BodyEncoder.styled(name, encodings.get(name), value)) {
          body.addFormDataPart(PercentDecoder.decode(pair.name()), PercentDecoder.decode(pair.value()));
          parts++;
        }
      } else if (value.isArray()) {
        for (JsonNode item : value) {
          if (!item.isNull()) {
            body.addPart(fieldPart(name, item));
            parts++;
          }
        }
      } else {
        body.addPart(fieldPart(name, value));
        parts++;
      }
    }
    if (parts == 0) {
      // OkHttp refuses a multipart body without parts; an empty form is a single closing delimiter.
      return emptyForm(declared);
    }
    return body.build();
  }

  /** A scalar as a text part, a container as a JSON part. */
  private static MultipartBody.Part fieldPart(String name, JsonNode value) {
    if (value.isContainerNode()) {
      return MultipartBody.Part.createFormData(name, null,
          okhttp3.RequestBody.create(value.toString().getBytes(StandardCharsets.UTF_8), JSON));
    }
    return MultipartBody.Part.createFormData(name, JsonValues.scalarText(value));
  }

  private static MultipartBody.Part filePart(String name, JsonNode file, LocalFiles files, UploadAllowance allowance)
      throws InvalidRequestException {
    allowance.countPart(name);
    if (!file.isObject()) {
      throw new InvalidRequestException(name + ": a file is an object with 'content' (base64) or 'path', got "
          + JsonValues.describe(file));
    }
    for (Map.Entry<String, JsonNode> key : file.properties()) {
      if (!FILE_KEYS.contains(key.getKey())) {
        throw new InvalidRequestException(name + ": unknown file property '" + key.getKey()
            + "'; a file has 'content' or 'path', and optionally 'filename' and 'contentType'");
      }
    }
    JsonNode content = file.get("content");
    JsonNode path = file.get("path");
    boolean hasContent = content != null && !content.isNull();
    boolean hasPath = path != null && !path.isNull();
    if (hasContent == hasPath) {
      throw new InvalidRequestException(name + ": give exactly one of 'content' (base64) and 'path'");
    }
    String filename = text(name, file, "filename");
    String contentType = text(name, file, "contentType");
    return hasContent ? contentPart(name, content, filename, contentType, files, allowance)
        : pathPart(name, path, filename, contentType, files, allowance);
  }

  private static MultipartBody.Part contentPart(String name, JsonNode content, String filename, String contentType,
      LocalFiles files, UploadAllowance allowance) throws InvalidRequestException {
    if (!content.isTextual()) {
      throw new InvalidRequestException(name + ".content: expected a base64 string, got "
          + JsonValues.describe(content));
    }
    // The decoded size is at most 3/4 of the text: refuse an oversized part before decoding it.
    files.checkSize(name, (long) content.textValue().length() * 3 / 4 - 2);
    byte[] bytes = Base64Text.decode(name + ".content", content.textValue());
    files.checkSize(name, bytes.length);
    allowance.addBytes(name, bytes.length);
    String shownName = filename != null ? filename : name;
    return MultipartBody.Part.createFormData(name, shownName,
        okhttp3.RequestBody.create(bytes, mediaType(name, contentType, shownName)));
  }

  /** A file named by path: checked now, streamed from disk while the request is written. */
  private static MultipartBody.Part pathPart(String name, JsonNode path, String filename, String contentType,
      LocalFiles files, UploadAllowance allowance) throws InvalidRequestException {
    if (!path.isTextual()) {
      throw new InvalidRequestException(name + ".path: expected a string, got " + JsonValues.describe(path));
    }
    LocalFiles.Checked checked = files.check(name, path.textValue());
    allowance.addBytes(name, checked.size());
    String shownName = filename != null ? filename : checked.fileName();
    return MultipartBody.Part.createFormData(name, shownName,
        new FileBody(checked, mediaType(name, contentType, shownName)));
  }

  private static MediaType mediaType(String name, String declared, String filename) throws InvalidRequestException {
    if (declared != null) {
      if (declared.length() > MAX_CONTENT_TYPE_CHARS) {
        throw new InvalidRequestException(name + ".contentType: longer than " + MAX_CONTENT_TYPE_CHARS
            + " characters, so not a media type");
      }
      MediaType type = MediaType.parse(spacedParameters(declared));
      if (type == null) {
        throw new InvalidRequestException(name + ".contentType: '" + declared + "' is not a media type");
      }
      return type;
    }
    String guessed = URLConnection.guessContentTypeFromName(filename);
    MediaType type = guessed == null ? null : MediaType.parse(guessed);
    return type != null ? type : OCTET_STREAM;
  }

  /**
   * {@code declared} with each {@code ;} written as {@code "; "}: RFC 9110 §5.6.6 allows whitespace on both sides of
   * it, OkHttp's parser none before it. A split on one character, so linear in the length (a regular expression such
   * as {@code \\s*;\\s*} retries every run of spaces from each of its positions).
   */
  private static String spacedParameters(String declared) {
    List<String> pieces = new ArrayList<>();
    for (String piece : declared.split(";", -1)) {
      pieces.add(piece.strip());
    }
    return String.join("; ", pieces);
  }

  private static String text(String name, JsonNode file, String key) throws InvalidRequestException {
    JsonNode value = file.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidRequestException(name + "." + key + ": expected a string, got " + JsonValues.describe(value));
    }
    for (int i = 0; i < value.textValue().length(); i++) {
      char c = value.textValue().charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new InvalidRequestException(name + "." + key + ": must not contain control characters");
      }
    }
    return value.textValue();
  }

  /** {@code multipart/form-data}, keeping parameters the spec declared other than the boundary. */
  private static MediaType formType(MediaType declared) {
    return declared != null && declared.subtype().equalsIgnoreCase("form-data") ? MultipartBody.FORM
        : declared != null ? MediaType.get(declared.type() + "/" + declared.subtype()) : MultipartBody.FORM;
  }

  private static okhttp3.RequestBody emptyForm(MediaType declared) {
    String boundary = java.util.UUID.randomUUID().toString();
    MediaType type = MediaType.get(MediaTypes.essence(formType(declared)) + "; boundary=" + boundary);
    return okhttp3.RequestBody.create(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII), type);
  }
}
