package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.openapi2mcp.runtime.mcp.LogLevel;
import dev.openapi2mcp.runtime.tool.CallChannel;
import dev.openapi2mcp.runtime.tool.Content;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Turns the API's HTTP response into a tool result.
 *
 * <p>2xx: text, JSON, XML, YAML … become one {@link Content.Text} with the body as received (and, when the tool
 * declares an outputSchema and the body is a JSON object that conforms to it, that object as
 * {@code structuredContent});
 * {@code image/*} becomes {@link Content.Image}, {@code audio/*} {@link Content.Audio}, anything else binary a
 * {@link Content.Blob} whose URI is the (redacted) request URL. A body without a content type counts as text when it
 * is valid UTF-8, else as {@code application/octet-stream}. An empty body becomes a sentence saying the call
 * succeeded with its status.
 *
 * <p>Other statuses: an error result {@code HTTP <status> <reason> from <METHOD> <path>}, an authentication hint on
 * 401/403, the {@code Location} of a redirect (redirects are not followed: they could carry credentials to another
 * host), and an excerpt of the body (the first {@value #ERROR_EXCERPT_BYTES} bytes).
 *
 * <p>Drift: a response that does not match the tool's outputSchema (checked with the {@link ArgumentValidator}'s
 * rules: types, required properties, enums, consts, closed objects, {@code $ref}, composition; a body too complex
 * or too deeply nested to check within the checker's budget counts as not matching) never fails the call. Its text
 * is returned as usual, but without {@code structuredContent}, since MCP clients reject structured
 * content that does not conform to the declared schema; a warning names the tool and the first
 * {@value #DRIFT_PROBLEMS_LOGGED} mismatches, with credentials removed.
 *
 * <p>Invariants: at most {@code maxBytes} of a body are read (one byte more to detect that there is more), and a cut
 * is always stated in the text ({@code [truncated: N of M bytes shown]}); a binary body over the budget is not
 * returned at all (a cut image is useless) and the text says so; text is cut at a character boundary; configured
 * credential values are removed from all text, and from the values and names of structured content, which is parsed
 * from the body as received rather than from the scrubbed text (a JSON-escaped secret would come out of parsing in
 * clear).
 */
final class ResponseMapper {
  private static final Logger LOG = Logger.getLogger(ResponseMapper.class.getName());

  static final int ERROR_EXCERPT_BYTES = 2048;

  /** How many mismatches a drift warning names. */
  static final int DRIFT_PROBLEMS_LOGGED = 3;

  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"), Map.entry(204, "No Content"),
      Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(303, "See Other"),
      Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
      Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
      Map.entry(413, "Content Too Large"), Map.entry(415, "Unsupported Media Type"),
      Map.entry(422, "Unprocessable Content"), Map.entry(429, "Too Many Requests"),
      Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private final long maxBytes;
  private final Credentials credentials;
  private final ArgumentValidator checker;

  ResponseMapper(long maxBytes, Credentials credentials, ArgumentValidator checker) {
    this.maxBytes = maxBytes;
    this.credentials = credentials;
    this.checker = checker;
  }

  /** The result of one call and what the audit trail records about it. */
  record Mapped(ToolResult result, Outcome outcome, int status) {}

  /**
   * Maps {@code response}; the caller closes it.
   *
   * @throws IOException when reading the body fails (a network failure after the status line)
   */
  Mapped map(ToolDefinition tool, PreparedRequest request, Response response) throws IOException {
    return map(tool, request, response, CallChannel.NONE);
  }

  /**
   * As {@link #map(ToolDefinition, PreparedRequest, Response)}; a drift warning also goes to the call's client as a
   * {@code warning} log message (issue 5).
   */
  Mapped map(ToolDefinition tool, PreparedRequest request, Response response, CallChannel channel)
      throws IOException {
    int status = response.code();
    ResponseBody body = response.body();
    if (!response.isSuccessful()) {
      return new Mapped(
          ToolResult.error(errorText(tool, request, response, body)), Outcome.UPSTREAM_ERROR, status);
    }
    Bytes bytes = read(body, maxBytes);
    if (bytes.data().length == 0 && !bytes.truncated()) {
      return new Mapped(
          ToolResult.text("The call succeeded with HTTP " + status + " " + reason(response) + " from "
              + request.describe() + " (empty response body)."),
          Outcome.OK, status);
    }
    MediaType type = body.contentType();
    return new Mapped(success(tool, request, type, bytes, channel), Outcome.OK, status);
  }

  private ToolResult success(
      ToolDefinition tool, PreparedRequest request, MediaType type, Bytes bytes, CallChannel channel) {
    boolean textual = type == null ? isUtf8Text(bytes.data()) : MediaTypes.isTextual(type);
    if (textual) {
      String raw = decode(bytes, type);
      String text = credentials.scrub(raw);
      JsonNode structured = null;
      if (!bytes.truncated() && tool.outputSchema() != null && (type == null || MediaTypes.isJson(type))) {
        // Parsed from the body as received, then scrubbed value by value: what parsing decodes is what is shown,
        // and parsing scrubbed text could bring back a secret spelled in a way the text scrub does not know.
        structured = conforming(tool, raw, type != null, channel);
      }
      return new ToolResult(List.of(new Content.Text(text + truncationNote(bytes))), structured, false);
    }
    String mimeType = type == null ? "application/octet-stream" : MediaTypes.essence(type);
    if (bytes.truncated()) {
      return ToolResult.text("The call succeeded, but the " + mimeType + " response from " + request.describe()
          + " is larger than the response budget of " + maxBytes + " bytes" + totalNote(bytes)
          + "; binary content is not returned cut, so nothing of it is shown.");
    }
    String data = Base64.getEncoder().encodeToString(bytes.data());
    Content content;
    if (MediaTypes.isImage(type)) {
      content = new Content.Image(data, mimeType);
    } else if (MediaTypes.isAudio(type)) {
      content = new Content.Audio(data, mimeType);
    } else {
      content = new Content.Blob(credentials.scrub(request.displayUrl().toString()), data, mimeType);
    }
    return new ToolResult(List.of(content), null, false);
  }

  private String errorText(ToolDefinition tool, PreparedRequest request, Response response, ResponseBody body)
      throws IOException {
    StringBuilder text = new StringBuilder()
        .append("HTTP ").append(response.code()).append(' ').append(reason(response))
        .append(" from ").append(request.describe());
    if (response.code() == 401 || response.code() == 403) {
      String hint = credentials.authenticationHint(tool.http(), request.credentials());
      if (!hint.isEmpty()) {
        text.append("\n").append(hint);
      }
    }
    String location = response.header("Location");
    if (response.isRedirect() && location != null) {
      text.append("\nThe API redirects to ").append(location).append(" (redirects are not followed).");
    }
    Bytes bytes = read(body, ERROR_EXCERPT_BYTES);
    if (bytes.data().length > 0) {
      MediaType type = body.contentType();
      boolean textual = type == null ? isUtf8Text(bytes.data()) : MediaTypes.isTextual(type);
      text.append("\nResponse body");
      if (type != null) {
        text.append(" (").append(MediaTypes.essence(type)).append(')');
      }
      text.append(":\n");
      if (textual) {
        text.append(decode(bytes, type)).append(truncationNote(bytes));
      } else {
        text.append("[").append(bytes.truncated() ? "more than " + bytes.data().length : bytes.data().length)
            .append(" bytes of binary data, not shown]");
      }
    }
    return credentials.scrub(text.toString());
  }

  static String reason(Response response) {
    String message = response.message();
    if (message != null && !message.isBlank()) {
      return message;
    }
    return REASONS.getOrDefault(response.code(), "");
  }

  /** A body read up to a limit. */
  record Bytes(byte[] data, boolean truncated, long total) {}

  static Bytes read(ResponseBody body, long limit) throws IOException {
    BufferedSource source = body.source();
    if (!source.request(limit + 1)) {
      return new Bytes(source.readByteArray(), false, -1);
    }
    return new Bytes(source.readByteArray(limit), true, body.contentLength());
  }

  private static String truncationNote(Bytes bytes) {
    if (!bytes.truncated()) {
      return "";
    }
    if (bytes.total() > 0) {
      return "\n[truncated: " + bytes.data().length + " of " + bytes.total() + " bytes shown]";
    }
    return "\n[truncated: the first " + bytes.data().length + " bytes are shown; the rest was not read]";
  }

  private static String totalNote(Bytes bytes) {
    return bytes.total() > 0 ? " (" + bytes.total() + " bytes)" : "";
  }

  private static String decode(Bytes bytes, MediaType type) {
    Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    int length = bytes.data().length;
    if (bytes.truncated() && charset.equals(StandardCharsets.UTF_8)) {
      length = utf8Boundary(bytes.data());
    }
    return new String(bytes.data(), 0, length, charset);
  }

  /** The length of the longest prefix of {@code data} that does not end inside a UTF-8 sequence. */
  static int utf8Boundary(byte[] data) {
    int end = data.length;
    int start = end;
    // Step back over at most three continuation bytes (10xxxxxx) to the lead byte.
    while (start > 0 && end - start < 3 && (data[start - 1] & 0xC0) == 0x80) {
      start--;
    }
    if (start == 0) {
      return end;
    }
    int lead = data[start - 1] & 0xFF;
    int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return end - (start - 1) < needed ? start - 1 : end;
  }

  private static boolean isUtf8Text(byte[] data) {
    for (byte b : data) {
      if (b == 0) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * The body as structured content: the JSON object it holds with credentials removed from its values and names,
   * when that conforms to the tool's outputSchema; else null, with a warning when a declared JSON body drifted from
   * the schema.
   *
   * @param declaredJson whether the response said it is JSON (an untyped body that is not JSON is just text)
   */
  private JsonNode conforming(ToolDefinition tool, String text, boolean declaredJson, CallChannel channel) {
    JsonNode node;
    try {
      node = JsonText.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      if (declaredJson) {
        drift(tool, List.of("the body is not valid JSON (" + e.getOriginalMessage() + ")"), channel);
      }
      return null;
    }
    if (node == null || !node.isObject()) {
      if (declaredJson || node != null) {
        drift(tool, List.of("expected a JSON object, got " + JsonValues.describe(node)), channel);
      }
      return null;
    }
    node = credentials.scrub(node);
    List<String> problems = checker.checkOutput(tool, node);
    if (!problems.isEmpty()) {
      drift(tool, problems, channel);
      return null;
    }
    return node;
  }

  private void drift(ToolDefinition tool, List<String> problems, CallChannel channel) {
    List<String> shown = problems.subList(0, Math.min(DRIFT_PROBLEMS_LOGGED, problems.size()));
    String more = problems.size() > shown.size() ? "; and " + (problems.size() - shown.size()) + " more" : "";
    String text = credentials.scrub("tool '" + tool.name() + "': the response does not match its outputSchema, "
        + "so it is returned as text without structuredContent: " + String.join("; ", shown) + more);
    if (LOG.isLoggable(Level.WARNING)) {
      LOG.warning(text);
    }
    channel.log(LogLevel.WARNING, RestToolExecutor.LOGGER, TextNode.valueOf(text));
  }
}
