package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathEncodingTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static ToolDefinition petTags(String pathType) {
    return ToolDefinition.builder("getPetTags")
        .inputSchema("{\"type\":\"object\",\"properties\":{\"petId\":{\"type\":\"" + pathType + "\"}},"
            + "\"required\":[\"petId\"]}")
        .http("GET", "/pet/{petId}/tags")
        .parameter(ParameterBinding.path("petId", "petId"))
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "../admin", "../../admin", "a/b", "%2F", "%2E%2E", "..%2F..%2Fadmin", "?x=1", "#frag", "a b", "..;/admin",
      "\\..\\admin", "@evil.example", "//evil.example", "http://evil.example", "evil.example:80", "ümlaut/ä",
      "...", ".hidden"})
  void aPathValueStaysOneSegmentOnTheApiHostUnderTheBasePath(String value) {
    harness.enqueue(200, "ok");

    ToolResult result = harness.call(petTags("string"), "{\"petId\":" + Harness.JSON.valueToTree(value) + "}");

    assertThat(result.isError()).as(Harness.text(result)).isFalse();
    RecordedRequest request = harness.take();
    assertThat(request.getUrl().host()).isEqualTo(harness.server.getHostName());
    assertThat(request.getUrl().port()).isEqualTo(harness.server.getPort());
    assertThat(request.getHeaders().get("Host"))
        .isEqualTo(harness.server.getHostName() + ":" + harness.server.getPort());
    // The server's own parsing sees exactly one segment holding the value, between the base path and "tags".
    assertThat(request.getUrl().pathSegments()).containsExactly("api", "v2", "pet", value, "tags");
    assertThat(request.getTarget()).startsWith("/api/v2/pet/").endsWith("/tags").doesNotContain("?", "#");
  }

  @Test
  void reservedCharactersAreStrictlyPercentEncoded() {
    harness.enqueue(200, "ok");

    harness.call(petTags("string"), "{\"petId\":\"a/b?c#d e%f@g:h;i,j+k&l=m\"}");

    assertThat(harness.take().getTarget())
        .isEqualTo("/api/v2/pet/a%2Fb%3Fc%23d%20e%25f%40g%3Ah%3Bi%2Cj%2Bk%26l%3Dm/tags");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "."})
  void dotSegmentValuesAreRefusedWithoutSendingAnything(String value) {
    ToolResult result = harness.call(petTags("string"), "{\"petId\":\"" + value + "\"}");

    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).contains("petId").contains("dot-segment").contains("no request was sent");
    assertThat(harness.server.getRequestCount()).isZero();
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("invalid_arguments");
  }

  @Test
  void anEmptyPathValueIsRefused() {
    ToolResult result = harness.call(petTags("string"), "{\"petId\":\"\"}");

    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).contains("petId").contains("must not be empty");
    assertThat(harness.server.getRequestCount()).isZero();
  }

  @Test
  void integersAreWrittenWithoutAFraction() {
    harness.enqueue(200, "ok");
    harness.enqueue(200, "ok");

    harness.call(petTags("integer"), "{\"petId\":42}");
    harness.call(petTags("integer"), "{\"petId\":7.0}");

    assertThat(harness.take().getTarget()).isEqualTo("/api/v2/pet/42/tags");
    assertThat(harness.take().getTarget()).isEqualTo("/api/v2/pet/7/tags");
  }

  @Test
  void aTrailingSlashOnTheBaseUrlIsTolerated() {
    harness.enqueue(200, "ok");
    ToolDefinition tool = petTags("integer");
    RestToolExecutor executor = RestToolExecutor.create(
        Harness.server(tool), harness.server.url("/api/v2/").toString(), Map.of(), harness.options());
    try {
      executor.execute(tool, Harness.args("{\"petId\":1}"), Harness.CONTEXT);
    } finally {
      executor.close();
    }

    assertThat(harness.take().getTarget()).isEqualTo("/api/v2/pet/1/tags");
  }

  @Test
  void severalPlaceholdersInOneSegmentAndLiteralText() {
    harness.enqueue(200, "ok");
    ToolDefinition tool = ToolDefinition.builder("getFile")
        .http("GET", "/files/{name}.{ext}:download")
        .parameter(ParameterBinding.path("name", "name"))
        .parameter(ParameterBinding.path("ext", "ext"))
        .build();

    harness.call(tool, "{\"name\":\"re/port\",\"ext\":\"pdf\"}");

    RecordedRequest request = harness.take();
    assertThat(request.getTarget()).isEqualTo("/api/v2/files/re%2Fport.pdf:download");
    assertThat(request.getUrl().pathSegments()).containsExactly("api", "v2", "files", "re/port.pdf:download");
  }

  @Test
  void labelAndMatrixStyles() {
    harness.enqueue(200, "ok");
    harness.enqueue(200, "ok");
    harness.enqueue(200, "ok");
    ToolDefinition label = ToolDefinition.builder("label")
        .http("GET", "/items/{ids}")
        .parameter(ParameterBinding.path("ids", "ids").withStyle("label", false))
        .build();
    ToolDefinition matrix = ToolDefinition.builder("matrix")
        .http("GET", "/items/{ids}")
        .parameter(ParameterBinding.path("ids", "ids").withStyle("matrix", true))
        .build();
    ToolDefinition simpleObject = ToolDefinition.builder("simpleObject")
        .http("GET", "/items/{point}")
        .parameter(ParameterBinding.path("point", "point").withStyle("simple", true))
        .build();

    harness.call(label, "{\"ids\":[\"a\",\"b/c\"]}");
    harness.call(matrix, "{\"ids\":[1,2]}");
    harness.call(simpleObject, "{\"point\":{\"x\":1,\"y\":\"a,b\"}}");

    assertThat(harness.take().getTarget()).isEqualTo("/api/v2/items/.a,b%2Fc");
    assertThat(harness.take().getTarget()).isEqualTo("/api/v2/items/;ids=1;ids=2");
    assertThat(harness.take().getTarget()).isEqualTo("/api/v2/items/x=1,y=a%2Cb");
  }

  @Test
  void aLabelValueThatWouldFormADotSegmentIsRefused() {
    ToolDefinition label = ToolDefinition.builder("label")
        .http("GET", "/items/{id}")
        .parameter(ParameterBinding.path("id", "id").withStyle("label", false))
        .build();

    ToolResult result = harness.call(label, "{\"id\":\".\"}");

    assertThat(result.isError()).isTrue();
    assertThat(harness.server.getRequestCount()).isZero();
    assertThat(List.of(Harness.text(result))).allMatch(t -> t.contains("dot-segment"));
  }
}
