package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.RequestBody;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.Base64;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestBodyTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static JsonNode json(RecordedRequest request) throws Exception {
    return Harness.JSON.readTree(request.getBody().utf8());
  }

  @Test
  void wholeJsonBodyIsTheArgumentValue() throws Exception {
    ToolDefinition tool = ToolDefinition.builder("addPets")
        .http("POST", "/pets")
        .body(RequestBody.whole("application/json", true, "body"))
        .build();

    RecordedRequest request = harness.send(tool, "{\"body\":[{\"name\":\"Rex\",\"age\":3},{\"name\":\"Tom\"}]}");

    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(json(request)).isEqualTo(Harness.args("{\"x\":[{\"name\":\"Rex\",\"age\":3},{\"name\":\"Tom\"}]}").get("x"));
  }

  @Test
  void flattenedJsonBodyUsesWireNamesAndLeavesOutAbsentArguments() throws Exception {
    ToolDefinition tool = ToolDefinition.builder("updatePet")
        .http("PUT", "/pet/{name}")
        .parameter(ParameterBinding.path("name", "name"))
        .body(RequestBody.flattened("application/vnd.pet+json", true,
            "body_name", "name", "status", "status", "tags", "tags"))
        .build();

    RecordedRequest request = harness.send(tool, "{\"name\":\"rex\",\"body_name\":\"Rex II\",\"status\":\"sold\"}");

    assertThat(request.getTarget()).isEqualTo("/api/v2/pet/rex");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/vnd.pet+json");
    assertThat(json(request)).isEqualTo(Harness.args("{\"name\":\"Rex II\",\"status\":\"sold\"}"));
    assertThat(request.getBody().utf8()).isEqualTo("{\"name\":\"Rex II\",\"status\":\"sold\"}");
  }

  @Test
  void formBodyEncodesFieldsAndRepeatsArrays() {
    ToolDefinition tool = ToolDefinition.builder("updatePetWithForm")
        .http("POST", "/pet/form")
        .body(RequestBody.flattened("application/x-www-form-urlencoded", false,
            "name", "name", "status", "status", "tags", "tag"))
        .build();

    RecordedRequest request = harness.send(tool, "{\"name\":\"Rex & Co=1\",\"status\":null,\"tags\":[\"a\",2]}");

    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.getBody().utf8()).isEqualTo("name=Rex%20%26%20Co%3D1&tag=a&tag=2");
  }

  @Test
  void textBodyIsSentAsIsInUtf8() {
    ToolDefinition tool = ToolDefinition.builder("note")
        .http("POST", "/notes")
        .body(RequestBody.whole("text/plain", true, "body"))
        .build();

    RecordedRequest request = harness.send(tool, "{\"body\":\"héllo \\\"world\\\"\"}");

    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(request.getBody().utf8()).isEqualTo("héllo \"world\"");
  }

  @Test
  void octetStreamBodyIsDecodedFromBase64() {
    ToolDefinition tool = ToolDefinition.builder("upload")
        .http("POST", "/pet/1/uploadImage")
        .body(RequestBody.whole("application/octet-stream", true, "body"))
        .build();
    byte[] bytes = {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 'x'};

    RecordedRequest request = harness.send(tool, "{\"body\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}");

    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(request.getBody().toByteArray()).containsExactly(bytes);
  }

  @Test
  void invalidBase64IsRefusedWithoutSending() {
    ToolDefinition tool = ToolDefinition.builder("upload")
        .http("POST", "/upload")
        .body(RequestBody.whole("application/octet-stream", true, "body"))
        .build();

    ToolResult result = harness.call(tool, "{\"body\":\"not base64!\"}");

    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).contains("body: not valid base64");
    assertThat(harness.server.getRequestCount()).isZero();
  }

  @Test
  void otherMediaTypesSendAStringAsItIs() {
    ToolDefinition tool = ToolDefinition.builder("weird")
        .http("POST", "/weird")
        .body(RequestBody.whole("application/x-custom", true, "body"))
        .build();

    RecordedRequest request = harness.send(tool, "{\"body\":\"plain\"}");

    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-custom");
    assertThat(request.getBody().utf8()).isEqualTo("plain");
  }

  @Test
  void otherMediaTypesSendOtherValuesAsJsonText() {
    ToolDefinition tool = ToolDefinition.builder("weird")
        .http("POST", "/weird")
        .body(RequestBody.whole("application/x-custom", true, "body"))
        .build();

    RecordedRequest request = harness.send(tool, "{\"body\":{\"a\":[1,true]}}");

    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-custom");
    assertThat(request.getBody().utf8()).isEqualTo("{\"a\":[1,true]}");
  }

  @Test
  void anOptionalBodyLeftOutSendsNoContent() {
    ToolDefinition tool = ToolDefinition.builder("touch")
        .http("POST", "/touch")
        .body(RequestBody.flattened("application/json", false, "note", "note"))
        .build();

    RecordedRequest request = harness.send(tool, "{}");

    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getBodySize()).isZero();
    assertThat(request.getHeaders().get("Content-Type")).isNull();
  }

  @Test
  void aRequiredFlattenedBodyWithNoArgumentsIsAnEmptyObject() {
    ToolDefinition tool = ToolDefinition.builder("create")
        .http("POST", "/things")
        .body(RequestBody.flattened("application/json", true, "note", "note"))
        .build();

    assertThat(harness.send(tool, "{}").getBody().utf8()).isEqualTo("{}");
  }

  @Test
  void deepObjectFormFieldNestsBracketsAndIndexesArrays() {
    ToolDefinition tool = ToolDefinition.builder("charge")
        .http("POST", "/charges")
        .body(RequestBody.flattened("application/x-www-form-urlencoded", true, "amount", "amount", "card", "card",
            "expand", "expand").encoding("card", "deepObject", true).encoding("expand", "deepObject", true))
        .build();

    RecordedRequest request = harness.send(tool,
        "{\"amount\":5,\"card\":{\"number\":\"42 42\",\"owner\":{\"name\":\"A\"}},\"expand\":[\"x\",\"y\"]}");

    assertThat(request.getBody().utf8()).isEqualTo("amount=5&card%5Bnumber%5D=42%2042&card%5Bowner%5D%5Bname%5D=A"
        + "&expand%5B0%5D=x&expand%5B1%5D=y");
  }

  @Test
  void styledFormFieldPercentEncodesItsDelimiters() {
    ToolDefinition tool = ToolDefinition.builder("tag")
        .http("POST", "/tags")
        .body(RequestBody.flattened("application/x-www-form-urlencoded", true, "ids", "ids")
            .encoding("ids", "form", false))
        .build();

    assertThat(harness.send(tool, "{\"ids\":[\"a\",\"b,c\"]}").getBody().utf8()).isEqualTo("ids=a%2Cb%2Cc");
  }

  @Test
  void formObjectWithoutEncodingIsJsonText() {
    ToolDefinition tool = ToolDefinition.builder("save")
        .http("POST", "/save")
        .body(RequestBody.flattened("application/x-www-form-urlencoded", true, "address", "address"))
        .build();

    assertThat(harness.send(tool, "{\"address\":{\"city\":\"X\"}}").getBody().utf8())
        .isEqualTo("address=%7B%22city%22%3A%22X%22%7D");
  }

  @Test
  void getWithAnEmptyFormBodySendsNoBody() {
    ToolDefinition tool = ToolDefinition.builder("account")
        .http("GET", "/account")
        .body(RequestBody.whole("application/x-www-form-urlencoded", false, "body"))
        .build();

    RecordedRequest request = harness.send(tool, "{\"body\":{}}");

    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getBodySize()).isZero();
    assertThat(request.getHeaders().get("Content-Type")).isNull();
  }

  @Test
  void imageBodyIsDecodedFromBase64() {
    ToolDefinition tool = ToolDefinition.builder("avatar")
        .http("PUT", "/avatar")
        .body(RequestBody.whole("image/png", true, "body"))
        .build();
    byte[] bytes = {(byte) 0x89, 'P', 'N', 'G'};

    RecordedRequest request = harness.send(tool, "{\"body\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}");

    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("image/png");
    assertThat(request.getBody().toByteArray()).containsExactly(bytes);
  }

  @Test
  void xmlBodySendsAStringAsItIs() {
    ToolDefinition tool = ToolDefinition.builder("xml")
        .http("POST", "/xml")
        .body(RequestBody.whole("application/xml", true, "body"))
        .build();

    assertThat(harness.send(tool, "{\"body\":\"<a>1</a>\"}").getBody().utf8()).isEqualTo("<a>1</a>");
  }
}
