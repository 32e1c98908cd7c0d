package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.testing.LogCapture;
import dev.openapi2mcp.runtime.tool.Content;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Level;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How API responses become tool results (issue 3, "Real-world specs", item 4): JSON as text plus conforming
 * structuredContent, drift that never fails a call, image/audio/blob/text content, and the response budget.
 */
class ResponseMappingTest {
  private static final String PET_SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
      + "\"name\":{\"type\":\"string\"},\"status\":{\"enum\":[\"available\",\"sold\"]},"
      + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
      + "\"required\":[\"id\",\"name\"]}";

  private final Harness harness = new Harness();
  private LogCapture mapperLog;

  @BeforeEach
  void captureLog() {
    mapperLog = LogCapture.attach(ResponseMapper.class.getName(), null);
  }

  @AfterEach
  void close() {
    mapperLog.close();
    harness.close();
  }

  private static ToolDefinition getPet(String outputSchema) {
    ToolDefinition.Builder builder = ToolDefinition.builder("getPetById")
        .http("GET", "/pet/{petId}")
        .parameter(ParameterBinding.path("petId", "petId"));
    if (outputSchema != null) {
      builder.outputSchema(outputSchema);
    }
    return builder.build();
  }

  private ToolResult respond(MockResponse response, ToolDefinition tool) {
    harness.server.enqueue(response);
    return harness.call(tool, "{\"petId\":1}");
  }

  private static MockResponse typed(int code, String contentType, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", contentType).body(body).build();
  }

  private static MockResponse binary(String contentType, byte[] bytes) {
    return new MockResponse.Builder().addHeader("Content-Type", contentType).body(new Buffer().write(bytes)).build();
  }

  @Test
  void jsonIsReturnedAsReceivedWithoutStructuredContentWhenThereIsNoOutputSchema() {
    String body = "{ \"id\": 1,\n  \"name\": \"Rex\" }";

    ToolResult result = respond(typed(200, "application/json", body), getPet(null));

    assertThat(result.isError()).isFalse();
    assertThat(result.content()).containsExactly(new Content.Text(body));
    assertThat(result.structuredContent()).isNull();
  }

  @Test
  void aJsonObjectIsAlsoStructuredContentWhenTheToolHasAnOutputSchema() {
    String body = "{\"id\":1,\"name\":\"Rex\",\"tags\":[\"a\"]}";

    ToolResult result = respond(typed(200, "application/problem+json; charset=utf-8", body),
        getPet("{\"type\":\"object\"}"));

    assertThat(result.content()).containsExactly(new Content.Text(body));
    assertThat(result.structuredContent()).isEqualTo(Harness.args(body));
  }

  @Test
  void aJsonArrayIsNotStructuredContent() {
    ToolResult result = respond(typed(200, "application/json", "[1,2]"), getPet("{\"type\":\"object\"}"));

    assertThat(result.content()).containsExactly(new Content.Text("[1,2]"));
    assertThat(result.structuredContent()).isNull();
  }

  @Test
  void textUsesTheDeclaredCharset() {
    byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);

    ToolResult result = respond(binary("text/plain; charset=ISO-8859-1", latin1), getPet(null));

    assertThat(result.content()).containsExactly(new Content.Text("café"));
  }

  @Test
  void imagesAndAudioBecomeTheirContentTypes() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
    byte[] wav = {'R', 'I', 'F', 'F', 0, 0};

    ToolResult image = respond(binary("image/png", png), getPet(null));
    ToolResult audio = respond(binary("audio/wav", wav), getPet(null));

    assertThat(image.content()).containsExactly(
        new Content.Image(Base64.getEncoder().encodeToString(png), "image/png"));
    assertThat(audio.content()).containsExactly(
        new Content.Audio(Base64.getEncoder().encodeToString(wav), "audio/wav"));
  }

  @Test
  void otherBinaryBecomesABlobNamedByTheRequestUrl() {
    byte[] pdf = {'%', 'P', 'D', 'F', 0, (byte) 0xC3};

    ToolResult result = respond(binary("application/pdf", pdf), getPet(null));

    assertThat(result.content()).containsExactly(new Content.Blob(
        harness.server.url("/api/v2/pet/1").toString(), Base64.getEncoder().encodeToString(pdf),
        "application/pdf"));
  }

  @Test
  void bodiesWithoutContentTypeAreTextWhenUtf8ElseBinary() {
    ToolResult text = respond(new MockResponse.Builder().body("plain words").build(), getPet(null));
    ToolResult bytes = respond(new MockResponse.Builder().body(new Buffer().write(new byte[] {0, (byte) 0xFF}))
        .build(), getPet(null));

    assertThat(text.content()).containsExactly(new Content.Text("plain words"));
    assertThat(bytes.content()).singleElement().isInstanceOfSatisfying(Content.Blob.class,
        blob -> assertThat(blob.mimeType()).isEqualTo("application/octet-stream"));
  }

  @Test
  void anEmptyBodySaysTheCallSucceededWithItsStatus() {
    ToolResult result = respond(new MockResponse.Builder().status("HTTP/1.1 204 Nothing Here").build(), getPet(null));

    assertThat(result.isError()).isFalse();
    assertThat(Harness.text(result))
        .isEqualTo("The call succeeded with HTTP 204 Nothing Here from GET /api/v2/pet/1 (empty response body).");
  }

  @Test
  void aMissingReasonPhraseIsFilledInFromTheStatus() {
    // HTTP/2 has no reason phrases; an HTTP/1.1 status line may leave it empty too.
    ToolResult result = respond(new MockResponse.Builder().status("HTTP/1.1 204 ").build(), getPet(null));

    assertThat(Harness.text(result)).startsWith("The call succeeded with HTTP 204 No Content from GET");
  }

  @Test
  void clientErrorsAreErrorsWithStatusAndBodyExcerpt() {
    ToolResult result = respond(typed(404, "application/json", "{\"code\":1,\"message\":\"Pet not found\"}"),
        getPet(null));

    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).isEqualTo("HTTP 404 Client Error from GET /api/v2/pet/1\n"
        + "Response body (application/json):\n{\"code\":1,\"message\":\"Pet not found\"}");
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("upstream_error");
    assertThat(harness.singleAudit().get("status").asInt()).isEqualTo(404);
  }

  @Test
  void serverErrorExcerptsAreCutAfterAboutTwoKilobytes() {
    String body = "E".repeat(10_000);

    ToolResult result = respond(new MockResponse.Builder().code(503).status("HTTP/1.1 503 Service Unavailable")
        .addHeader("Content-Type", "text/plain").body(body).build(), getPet(null));

    String text = Harness.text(result);
    assertThat(result.isError()).isTrue();
    assertThat(text).startsWith("HTTP 503 Service Unavailable from GET /api/v2/pet/1\nResponse body (text/plain):\n")
        .endsWith("[truncated: 2048 of 10000 bytes shown]");
    String excerpt = text.substring(text.indexOf(":\n") + 2, text.indexOf("\n[truncated"));
    assertThat(excerpt).isEqualTo("E".repeat(2048));
  }

  @Test
  void redirectsAreNotFollowed() {
    harness.server.enqueue(new MockResponse.Builder().code(302)
        .addHeader("Location", "http://evil.example/steal").build());

    ToolResult result = harness.call(getPet(null), "{\"petId\":1}");

    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).startsWith("HTTP 302")
        .contains("redirects to http://evil.example/steal (redirects are not followed)");
    assertThat(harness.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void textOverTheBudgetIsCutAndTheCutIsStated() {
    ToolDefinition tool = getPet("{\"type\":\"object\"}");
    harness.server.enqueue(typed(200, "application/json", "{\"data\":\"" + "x".repeat(200) + "\"}"));
    RestToolExecutor executor = harness.executor(Harness.server(tool), Map.of(),
        harness.options().withMaxResponseBytes(100));

    ToolResult result = executor.execute(tool, Harness.args("{\"petId\":1}"), Harness.CONTEXT);

    assertThat(result.isError()).isFalse();
    assertThat(Harness.text(result)).isEqualTo("{\"data\":\"" + "x".repeat(91) + "\n[truncated: 100 of 211 bytes shown]");
    assertThat(result.structuredContent()).as("cut JSON is not structured content").isNull();
  }

  @Test
  void aCutNeverSplitsACharacter() {
    // "é" is two bytes in UTF-8: a budget of 6 would end inside the third "é".
    assertThat(ResponseMapper.utf8Boundary("ééé".getBytes(StandardCharsets.UTF_8).clone())).isEqualTo(6);
    byte[] cut = java.util.Arrays.copyOf("aaéé".getBytes(StandardCharsets.UTF_8), 5);
    assertThat(ResponseMapper.utf8Boundary(cut)).isEqualTo(4);
    byte[] euro = java.util.Arrays.copyOf("a€".getBytes(StandardCharsets.UTF_8), 3);
    assertThat(ResponseMapper.utf8Boundary(euro)).isEqualTo(1);
  }

  @Test
  void binaryOverTheBudgetIsNotReturnedAndTheTextSaysWhy() {
    ToolDefinition tool = getPet(null);
    harness.server.enqueue(binary("image/png", new byte[500]));
    RestToolExecutor executor = harness.executor(Harness.server(tool), Map.of(),
        harness.options().withMaxResponseBytes(100));

    ToolResult result = executor.execute(tool, Harness.args("{\"petId\":1}"), Harness.CONTEXT);

    assertThat(result.content()).singleElement().isInstanceOf(Content.Text.class);
    assertThat(Harness.text(result)).contains("image/png").contains("larger than the response budget of 100 bytes")
        .contains("(500 bytes)");
  }

  @Test
  void chunkedBodiesOfUnknownLengthSayThatTheRestWasNotRead() {
    ToolDefinition tool = getPet(null);
    harness.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain")
        .chunkedBody("y".repeat(300), 64).build());
    RestToolExecutor executor = harness.executor(Harness.server(tool), Map.of(),
        harness.options().withMaxResponseBytes(100));

    ToolResult result = executor.execute(tool, Harness.args("{\"petId\":1}"), Harness.CONTEXT);

    assertThat(Harness.text(result))
        .isEqualTo("y".repeat(100) + "\n[truncated: the first 100 bytes are shown; the rest was not read]");
  }
  @Test
  void aResponseThatConformsToTheOutputSchemaIsStructuredContent() {
    String body = "{\"id\":7,\"name\":\"Rex\",\"status\":\"sold\",\"extra\":true}";

    ToolResult result = respond(typed(200, "application/json", body), getPet(PET_SCHEMA));

    assertThat(result.content()).containsExactly(new Content.Text(body));
    assertThat(result.structuredContent()).isEqualTo(Harness.args(body));
    assertThat(mapperLog.records()).isEmpty();
  }

  @Test
  void aResponseThatDriftsIsReturnedAsTextWithoutStructuredContentAndTheCallSucceeds() {
    String body = "{\"id\":\"seven\",\"name\":\"Rex\"}";

    ToolResult result = respond(typed(200, "application/json", body), getPet(PET_SCHEMA));

    assertThat(result.isError()).isFalse();
    assertThat(result.content()).containsExactly(new Content.Text(body));
    assertThat(result.structuredContent()).isNull();
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("ok");
  }

  @Test
  void driftIsLoggedNamingTheToolAndTheFirstMismatches() {
    respond(typed(200, "application/json", "{\"id\":1.5,\"status\":\"lost\",\"name\":3}"), getPet(PET_SCHEMA));

    assertThat(mapperLog.records()).singleElement().satisfies(record -> {
      assertThat(record.getLevel()).isEqualTo(Level.WARNING);
      assertThat(record.getMessage()).isEqualTo("tool 'getPetById': the response does not match its outputSchema, "
          + "so it is returned as text without structuredContent: id: expected integer, got number 1.5; "
          + "status: expected one of \"available\", \"sold\", got string \"lost\"; "
          + "name: expected string, got integer 3");
    });
  }

  @Test
  void moreThanThreeMismatchesAreCounted() {
    respond(typed(200, "application/json", "{\"status\":\"lost\",\"tags\":[1,2]}"), getPet(PET_SCHEMA));

    assertThat(mapperLog.records()).singleElement().satisfies(record -> assertThat(record.getMessage())
        .endsWith("missing required property 'id'; missing required property 'name'; "
            + "status: expected one of \"available\", \"sold\", got string \"lost\"; and 2 more"));
  }

  @Test
  void aJsonArrayForAnObjectSchemaIsDriftToo() {
    ToolResult result = respond(typed(200, "application/json", "[1,2]"), getPet(PET_SCHEMA));

    assertThat(result.structuredContent()).isNull();
    assertThat(mapperLog.records()).singleElement().satisfies(record -> assertThat(record.getMessage())
        .endsWith("structuredContent: expected a JSON object, got array"));
  }
}
