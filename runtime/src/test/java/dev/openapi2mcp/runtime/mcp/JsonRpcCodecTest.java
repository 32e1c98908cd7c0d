package dev.openapi2mcp.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRpcCodecTest {
  private final JsonRpcCodec codec = new JsonRpcCodec();

  private JsonRpcException rejected(String json) {
    return catchThrowableOfType(JsonRpcException.class, () -> codec.read(json));
  }

  @Test
  void classifiesRequestsNotificationsAndResponses() throws Exception {
    assertThat(codec.read("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}"))
        .isEqualTo(new JsonRpcMessage.Request(IntNode.valueOf(7), "ping", codec.mapper().createObjectNode()));
    assertThat(codec.read("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"m\",\"params\":{\"x\":1}}"))
        .isEqualTo(new JsonRpcMessage.Request(TextNode.valueOf("a"), "m",
            codec.mapper().createObjectNode().put("x", 1)));
    assertThat(codec.read("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
        .isEqualTo(new JsonRpcMessage.Notification("notifications/initialized", codec.mapper().createObjectNode()));
    assertThat(codec.read("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}"))
        .isEqualTo(new JsonRpcMessage.Response(IntNode.valueOf(3)));
    assertThat(codec.read("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":1,\"message\":\"x\"}}"))
        .isEqualTo(new JsonRpcMessage.Response(IntNode.valueOf(3), null,
            codec.mapper().createObjectNode().put("code", 1).put("message", "x")));
  }

  @Test
  void textThatIsNotJsonIsAParseErrorWithoutId() {
    for (String bad : new String[] {"{", "not json", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} trailing", ""}) {
      JsonRpcException e = rejected(bad);
      assertThat(e).as(bad).isNotNull();
      assertThat(e.code()).as(bad).isEqualTo(JsonRpcException.PARSE_ERROR);
      assertThat(e.id()).as(bad).isNull();
    }
    JsonRpcException bytes = catchThrowableOfType(JsonRpcException.class,
        () -> codec.read("{\"a\":".getBytes(StandardCharsets.UTF_8)));
    assertThat(bytes.code()).isEqualTo(JsonRpcException.PARSE_ERROR);
  }

  @Test
  void aBatchIsRejectedAndTheMessageSaysBatchingWasRemoved() {
    JsonRpcException e = rejected("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");
    assertThat(e.code()).isEqualTo(JsonRpcException.INVALID_REQUEST);
    assertThat(e.id()).isNull();
    assertThat(e.getMessage()).contains("batch").contains("2025-06-18");
  }

  @Test
  void invalidEnvelopesAreInvalidRequestsAndKeepTheIdWhenReadable() {
    JsonRpcException noVersion = rejected("{\"id\":5,\"method\":\"ping\"}");
    assertThat(noVersion.code()).isEqualTo(JsonRpcException.INVALID_REQUEST);
    assertThat(noVersion.id()).isEqualTo(IntNode.valueOf(5));

    JsonRpcException objectId = rejected("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}");
    assertThat(objectId.code()).isEqualTo(JsonRpcException.INVALID_REQUEST);
    assertThat(objectId.id()).isNull();

    JsonRpcException nullId = rejected("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}");
    assertThat(nullId.code()).isEqualTo(JsonRpcException.INVALID_REQUEST);

    JsonRpcException numericMethod = rejected("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":3}");
    assertThat(numericMethod.code()).isEqualTo(JsonRpcException.INVALID_REQUEST);
    assertThat(numericMethod.id()).isEqualTo(TextNode.valueOf("x"));

    assertThat(rejected("{\"jsonrpc\":\"2.0\",\"id\":1}").code()).isEqualTo(JsonRpcException.INVALID_REQUEST);
    assertThat(rejected("42").code()).isEqualTo(JsonRpcException.INVALID_REQUEST);
  }

  @Test
  void requestParamsThatAreNotAnObjectAreInvalidParams() {
    JsonRpcException e = rejected("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\",\"params\":[1]}");
    assertThat(e.code()).isEqualTo(JsonRpcException.INVALID_PARAMS);
    assertThat(e.id()).isEqualTo(IntNode.valueOf(9));
    assertThat(e.getMessage()).contains("tools/list");
  }

  @Test
  void writtenMessagesAreOneLineEvenWithLineBreaksInStrings() throws Exception {
    byte[] bytes = codec.write(codec.result(IntNode.valueOf(1), TextNode.valueOf("a\nb\r\nc")));
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\n").doesNotContain("\r");
    assertThat(codec.mapper().readTree(text).path("result").asText()).isEqualTo("a\nb\r\nc");
  }

  @Test
  void errorResponsesCarryNullIdWhenUnknown() {
    assertThat(codec.error(null, -32700, "x").get("id").isNull()).isTrue();
    assertThat(codec.error(TextNode.valueOf("q"), -32601, "x").get("id").asText()).isEqualTo("q");
  }
}
