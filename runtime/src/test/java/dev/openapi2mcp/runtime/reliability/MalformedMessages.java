package dev.openapi2mcp.runtime.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A seeded generator of malformed, odd and valid JSON-RPC messages for the fuzz tests (issue 5), each with the
 * answer the server owes it. The same seed gives the same messages. No message holds a line feed, so each is one
 * line on stdio.
 *
 * <p>Expectations follow JSON-RPC 2.0 and MCP: text that is not JSON is {@code -32700} with id null; JSON that is
 * not a single request object is {@code -32600} (with the id when one could be read); an unknown method is
 * {@code -32601}; params of the wrong shape are {@code -32602}; notifications and responses get no answer.
 */
final class MalformedMessages {
  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;

  /**
   * What the server owes a message.
   *
   * @param answered whether a response is due at all
   * @param id the id the response must carry, as JSON text ({@code null} for id null)
   * @param code the error code, or null for a result
   * @param framing whether the message is refused before any method runs (over HTTP: status 400, not 200)
   * @param echoed for an echo call, the arguments the result must hold; else null
   */
  record Expected(boolean answered, String id, Integer code, boolean framing, JsonNode echoed) {
    static Expected none() {
      return new Expected(false, null, null, false, null);
    }

    static Expected framing(String id, int code) {
      return new Expected(true, id, code, true, null);
    }

    static Expected error(String id, int code) {
      return new Expected(true, id, code, false, null);
    }

    static Expected result(String id) {
      return new Expected(true, id, null, false, null);
    }
  }

  /** One message: its kind (for counts and failure messages), its bytes, and what it is owed. */
  record Probe(String kind, byte[] bytes, Expected expected) {
    String text() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      return text.length() > 200 ? text.substring(0, 200) + "... (" + bytes.length + " bytes)" : text;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> REAL_METHODS =
      List.of("initialize", "ping", "tools/list", "tools/call", "logging/setLevel");

  private final Random random;
  private final List<Supplier<Probe>> kinds;
  private long counter;

  MalformedMessages(long seed) {
    random = new Random(seed);
    kinds = List.of(
        this::truncated, this::garbage, this::invalidUtf8, this::nulByte, this::controlCharacter,
        this::notAnObject, this::batch, this::badVersion, this::badIdType, this::badMethodType,
        this::badParamsType, this::unknownMethod, this::notificationWithId, this::notification,
        this::responseToNothing, this::ambiguousResponse, this::hugeId, this::deepNesting, this::echo,
        this::badToolsCall, this::badToolsList, this::badSetLevel, this::duplicateKeys, this::trailingGarbage,
        this::escapedControlCharacters, this::emptyObject);
  }

  /** The next probe, of a kind chosen at random. */
  Probe next() {
    return kinds.get(random.nextInt(kinds.size())).get();
  }

  /** A fresh id, as JSON text: a number or a string, never used before by this generator. */
  private String freshId() {
    counter++;
    return random.nextBoolean() ? Long.toString(100_000 + counter) : quote("id-" + counter + "-" + random.nextInt(1000));
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String request(String id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":" + quote(method)
        + (params == null ? "" : ",\"params\":" + params) + "}";
  }

  private static Probe probe(String kind, String text, Expected expected) {
    return new Probe(kind, text.getBytes(StandardCharsets.UTF_8), expected);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String randomText(int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      if (kind < 6) {
        text.append((char) (0x20 + random.nextInt(0x5f)));
      } else if (kind < 8) {
        text.append((char) (0xa0 + random.nextInt(0x2000)));
      } else if (kind < 9) {
        text.appendCodePoint(0x1f600 + random.nextInt(0x40));
      } else {
        text.append(pick(List.of("\"", "\\", "\u2028", "\u0000", "\t", "\r", "\n", "}", "]")));
      }
    }
    return text.toString();
  }

  // Text that is not JSON.

  private Probe truncated() {
    String whole = request(freshId(), "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":"
        + quote(randomText(40)) + "}}");
    return probe("truncated", whole.substring(0, 1 + random.nextInt(whole.length() - 1)),
        Expected.framing(null, PARSE_ERROR));
  }

  private Probe garbage() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write('@');
    int length = random.nextInt(300);
    for (int i = 0; i < length; i++) {
      int b = random.nextInt(256);
      bytes.write(b == '\n' ? ' ' : b);
    }
    return new Probe("garbage", bytes.toByteArray(), Expected.framing(null, PARSE_ERROR));
  }

  private Probe invalidUtf8() {
    byte[] bad = pick(List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0x80},
        new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80}));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(("{\"jsonrpc\":\"2.0\",\"id\":" + freshId() + ",\"method\":\"ping\",\"params\":{\"s\":\"a")
        .getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(bad);
    bytes.writeBytes("b\"}}".getBytes(StandardCharsets.UTF_8));
    return new Probe("invalidUtf8", bytes.toByteArray(), Expected.framing(null, PARSE_ERROR));
  }

  private Probe nulByte() {
    String before = "{\"jsonrpc\":\"2.0\",\"id\":" + freshId() + ",\"method\":\"ping\"";
    String text = random.nextBoolean() ? before + ",\"params\":{\"s\":\"a\u0000b\"}}" : before + "\u0000}";
    return probe("nulByte", text, Expected.framing(null, PARSE_ERROR));
  }

  private Probe controlCharacter() {
    char c = pick(List.of('\u0001', '\u001f', '\r', '\u000b', '\u0008'));
    return probe("controlCharacter", request(freshId(), "ping", "{\"s\":\"a" + c + "b\"}"),
        Expected.framing(null, PARSE_ERROR));
  }

  private Probe duplicateKeys() {
    return probe("duplicateKeys", "{\"jsonrpc\":\"2.0\",\"id\":" + freshId() + ",\"id\":" + freshId()
        + ",\"method\":\"ping\"}", Expected.framing(null, PARSE_ERROR));
  }

  private Probe trailingGarbage() {
    return probe("trailingGarbage", request(freshId(), "ping", null) + pick(List.of(" x", "}", " {}", ",")),
        Expected.framing(null, PARSE_ERROR));
  }

  private Probe deepNesting() {
    String id = freshId();
    if (random.nextBoolean()) {
      int depth = 30;
      return probe("nesting", request(id, "ping", "{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}"),
          Expected.result(id));
    }
    // Far beyond any parser's nesting limit: refused as unreadable, never a stack overflow.
    int depth = 100_000;
    return probe("deepNesting", request(id, "ping", "{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}"),
        Expected.framing(null, PARSE_ERROR));
  }

  // JSON that is not one request.

  private Probe notAnObject() {
    return probe("notAnObject", pick(List.of("42", "\"ping\"", "true", "null", "-1.5e3", "\"\"")),
        Expected.framing(null, INVALID_REQUEST));
  }

  private Probe emptyObject() {
    return probe("emptyObject", pick(List.of("{}", "{\"jsonrpc\":\"2.0\"}", "{\"method\":\"ping\"}")),
        Expected.framing(null, INVALID_REQUEST));
  }

  private Probe batch() {
    String ping = request(freshId(), "ping", null);
    return probe("batch", pick(List.of("[]", "[" + ping + "]", "[" + ping + "," + ping + "]", "[1,2,3]")),
        Expected.framing(null, INVALID_REQUEST));
  }

  private Probe badVersion() {
    String id = freshId();
    String version = pick(List.of("", ",\"jsonrpc\":\"1.0\"", ",\"jsonrpc\":2.0", ",\"jsonrpc\":null",
        ",\"jsonrpc\":\"2.0 \""));
    return probe("badVersion", "{\"id\":" + id + ",\"method\":\"ping\"" + version + "}",
        Expected.framing(id, INVALID_REQUEST));
  }

  private Probe badIdType() {
    String id = pick(List.of("{}", "[]", "true", "null", "{\"a\":1}", "[1]"));
    return probe("badIdType", request(id, "ping", null), Expected.framing(null, INVALID_REQUEST));
  }

  private Probe badMethodType() {
    String id = freshId();
    String method = pick(List.of("42", "null", "[]", "{}", "true"));
    return probe("badMethodType", "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":" + method + "}",
        Expected.framing(id, INVALID_REQUEST));
  }

  private Probe badParamsType() {
    String params = pick(List.of("[]", "[1,2]", "\"s\"", "1", "true"));
    if (random.nextBoolean()) {
      String id = freshId();
      return probe("badParamsType", request(id, "ping", params), Expected.framing(id, INVALID_PARAMS));
    }
    return probe("badParamsTypeNotification", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\","
        + "\"params\":" + params + "}", Expected.framing(null, INVALID_REQUEST));
  }

  private Probe ambiguousResponse() {
    String id = freshId();
    return probe("ambiguousResponse", "{\"jsonrpc\":\"2.0\",\"id\":" + id
        + ",\"result\":{},\"error\":{\"code\":1,\"message\":\"m\"}}", Expected.framing(id, INVALID_REQUEST));
  }

  // Well-formed messages the server must answer, or must not.

  private Probe unknownMethod() {
    String method;
    do {
      method = pick(List.of("", "Ping", "tools/CALL", "tools/list/", "rpc.discover", "resources/list",
          "fuzz/" + randomText(20)));
    } while (REAL_METHODS.contains(method));
    String id = freshId();
    return probe("unknownMethod", request(id, method, random.nextBoolean() ? "{}" : null),
        Expected.error(id, METHOD_NOT_FOUND));
  }

  private Probe notificationWithId() {
    String id = freshId();
    String method = pick(List.of("notifications/initialized", "notifications/cancelled",
        "notifications/progress"));
    return probe("notificationWithId", request(id, method, "{\"requestId\":1}"),
        Expected.error(id, METHOD_NOT_FOUND));
  }

  private Probe notification() {
    String text = pick(List.of(
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/fuzz\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":" + freshId() + "}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":{}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\",\"params\":{}}"));
    return probe("notification", text, Expected.none());
  }

  private Probe responseToNothing() {
    String id = freshId();
    String text = random.nextBoolean()
        ? "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"x\":1}}"
        : "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-1,\"message\":\"no\"}}";
    return probe("responseToNothing", text, Expected.none());
  }

  private Probe hugeId() {
    counter++;
    String id = pick(List.of(
        "9".repeat(40) + counter,
        "-" + "7".repeat(30) + counter,
        counter + ".25e200",
        quote("long-" + counter + "-" + "x".repeat(10_000)),
        quote("\u0000\u2028" + counter + "\uD83D\uDE00")));
    return probe("hugeId", request(id, "ping", null), Expected.result(id));
  }

  private Probe echo() {
    String id = freshId();
    String arguments = "{\"text\":" + quote(randomText(60)) + "}";
    try {
      return probe("echo", request(id, "tools/call", "{\"name\":\"echo\",\"arguments\":" + arguments + "}"),
          new Expected(true, id, null, false, JSON.readTree(arguments)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Probe badToolsCall() {
    String id = freshId();
    String params = pick(List.of("{}", "{\"name\":5}", "{\"name\":null}", "{\"name\":\"no_such_tool\"}",
        "{\"name\":\"echo\",\"arguments\":\"s\"}", "{\"name\":\"echo\",\"arguments\":[1]}",
        "{\"name\":" + quote(randomText(30)) + "}"));
    return probe("badToolsCall", request(id, "tools/call", params), Expected.error(id, INVALID_PARAMS));
  }

  private Probe badToolsList() {
    String id = freshId();
    String params = pick(List.of("{\"cursor\":5}", "{\"cursor\":\"garbage\"}", "{\"cursor\":\"b2Zmc2V0Ojk5OTk5\"}",
        "{\"cursor\":" + quote(randomText(20) + "x") + "}"));
    return probe("badToolsList", request(id, "tools/list", params), Expected.error(id, INVALID_PARAMS));
  }

  private Probe badSetLevel() {
    String id = freshId();
    String params = pick(List.of("{}", "{\"level\":\"loud\"}", "{\"level\":3}", "{\"level\":\"DEBUG \"}"));
    return probe("badSetLevel", request(id, "logging/setLevel", params), Expected.error(id, INVALID_PARAMS));
  }

  private Probe escapedControlCharacters() {
    String id = freshId();
    return probe("escapedControl", request(id, "ping", "{\"s\":\"a\\u0000\\n\\r\\u001f\\u2028b\"}"),
        Expected.result(id));
  }
}
