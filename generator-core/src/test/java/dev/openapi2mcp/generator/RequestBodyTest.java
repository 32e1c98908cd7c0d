package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.SchemaChecks;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.generator.tool.FileParts;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.RequestBody;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 ("Real-world specs", parameters and bodies), generator side: which media type a tool sends, how
 * multipart file parts, binary and text bodies become arguments, and how same-named inputs are told apart.
 */
class RequestBodyTest {
  @TempDir
  static Path out;

  private static GeneratedServer server;

  @BeforeAll
  static void generate() throws GenerationException {
    server = GeneratedServer.of("bodies30.yaml", out, "bodies");
  }

  @Test
  void multipartBodyIsFlattenedWithItsFilePartsNamed() {
    assertThat(server.tool("upload").http().body()).isEqualTo(RequestBody.multipart(true,
        List.of("file", "attachments", "thumbnail", "encoded"),
        "title", "title", "file", "file", "attachments", "attachments", "thumbnail", "thumbnail",
        "encoded", "encoded", "meta", "meta"));
    assertThat(server.schema("upload").path("required").toString()).isEqualTo("[\"title\",\"file\"]");
  }

  @Test
  void plainMultipartFieldsKeepTheirSchemas() {
    assertThat(server.property("upload", "title")).isEqualTo("{\"type\":\"string\"}");
    assertThat(server.property("upload", "meta")).isEqualTo("{\"type\":\"object\",\"properties\":{\"tags\":"
        + "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}");
  }

  @Test
  void aFilePartTakesBase64ContentByDefault() {
    JsonNode file = SchemaChecks.parse(server.property("upload", "file"));

    assertThat(file.path("type").asText()).isEqualTo("object");
    assertThat(fieldNames(file.path("properties"))).containsExactly("content", "filename", "contentType");
    assertThat(file.path("properties").path("content").path("contentEncoding").asText()).isEqualTo("base64");
    assertThat(file.path("required").toString()).isEqualTo("[\"content\"]");
    assertThat(file.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(file.path("description").asText()).startsWith("The document to store. A file, sent as a multipart "
        + "part: give its bytes base64-encoded in 'content'");
  }

  @Test
  void anArrayOfBinaryStringsIsAnArrayOfFiles() {
    JsonNode attachments = SchemaChecks.parse(server.property("upload", "attachments"));

    assertThat(attachments.path("type").asText()).isEqualTo("array");
    assertThat(attachments.path("items").path("required").toString()).isEqualTo("[\"content\"]");
    assertThat(attachments.path("items").path("properties").has("content")).isTrue();
  }

  @Test
  void anEncodingContentTypeThatIsNotTextMakesAFilePartAndIsNamedToTheModel() {
    JsonNode thumbnail = SchemaChecks.parse(server.property("upload", "thumbnail"));

    assertThat(thumbnail.path("properties").path("contentType").path("description").asText())
        .isEqualTo("The part's media type; the API expects image/png.");
  }

  @Test
  void multipartWithoutFilesIsStillMultipart() {
    assertThat(server.tool("multipartWithoutFiles").http().body())
        .isEqualTo(RequestBody.multipart(false, List.of(), "text", "text", "pinned", "pinned"));
  }

  @Test
  void filePartsCanBeLocalPaths(@TempDir Path dir) throws GenerationException {
    GeneratedServer paths = GeneratedServer.of(Specs.config("bodies30.yaml", dir, "bodies")
        .withFileParts(FileParts.PATH));
    JsonNode file = SchemaChecks.parse(paths.property("upload", "file"));

    assertThat(fieldNames(file.path("properties"))).containsExactly("path", "filename", "contentType");
    assertThat(file.path("required").toString()).isEqualTo("[\"path\"]");
    assertThat(file.path("properties").path("path").path("description").asText()).contains("--file-root");
  }

  @Test
  void filePartsCanBeEitherContentOrPath(@TempDir Path dir) throws GenerationException {
    GeneratedServer both = GeneratedServer.of(Specs.config("bodies30.yaml", dir, "bodies")
        .withFileParts(FileParts.BOTH));
    JsonNode file = SchemaChecks.parse(both.property("upload", "file"));

    assertThat(fieldNames(file.path("properties"))).containsExactly("content", "path", "filename", "contentType");
    assertThat(file.has("required")).isFalse();
    assertThat(file.path("oneOf").toString()).isEqualTo("[{\"required\":[\"content\"]},{\"required\":[\"path\"]}]");
  }

  @Test
  void openApi31ContentMediaTypeAndContentEncodingMakeFileParts(@TempDir Path dir) throws GenerationException {
    GeneratedServer server31 = GeneratedServer.of("bodies31.yaml", dir, "bodies");

    assertThat(server31.tool("upload31").http().body()).isEqualTo(RequestBody.multipart(false,
        List.of("photo", "scan"), "caption", "caption", "photo", "photo", "scan", "scan", "notes", "notes"));
    assertThat(SchemaChecks.parse(server31.property("upload31", "photo")).path("properties").path("contentType")
        .path("description").asText()).isEqualTo("The part's media type; the API expects image/jpeg.");
    // A text/plain contentMediaType is text the model writes, not a file.
    assertThat(server31.property("upload31", "notes"))
        .isEqualTo("{\"type\":\"string\",\"contentMediaType\":\"text/plain\"}");
  }

  @Test
  void anOctetStreamBodyIsOneBase64Argument() {
    assertThat(server.tool("putRaw").http().body())
        .isEqualTo(RequestBody.whole("application/octet-stream", true, "body"));
    assertThat(server.property("putRaw", "body")).isEqualTo("{\"type\":\"string\",\"description\":\"The archive. "
        + "The request body (application/octet-stream): its bytes, base64-encoded (standard alphabet).\","
        + "\"contentEncoding\":\"base64\"}");
    assertThat(server.schema("putRaw").path("required").toString()).isEqualTo("[\"body\"]");
  }

  @Test
  void anImageBodyIsBase64WithItsMediaType() {
    assertThat(server.tool("putImage").http().body()).isEqualTo(RequestBody.whole("image/png", false, "body"));
    JsonNode body = SchemaChecks.parse(server.property("putImage", "body"));
    assertThat(body.path("contentEncoding").asText()).isEqualTo("base64");
    assertThat(body.path("contentMediaType").asText()).isEqualTo("image/png");
  }

  @Test
  void aTextBodyIsOneStringArgument() {
    assertThat(server.tool("putText").http().body()).isEqualTo(RequestBody.whole("text/plain", true, "body"));
    assertThat(server.property("putText", "body")).isEqualTo("{\"type\":\"string\",\"description\":"
        + "\"The request body (text/plain), sent as is.\",\"maxLength\":280}");
  }

  @Test
  void formIsPreferredOverMultipartAndText() {
    assertThat(server.tool("prefersForm").http().body().mediaType()).isEqualTo("application/x-www-form-urlencoded");
  }

  @Test
  void multipartIsPreferredOverOtherMediaTypes() {
    assertThat(server.tool("prefersMultipart").http().body().mediaType()).isEqualTo("multipart/form-data");
  }

  @Test
  void jsonIsPreferredOverEverything() {
    assertThat(server.tool("prefersJson").http().body().mediaType()).isEqualTo("application/vnd.api+json");
  }

  @Test
  void sameNamedParametersInDifferentLocationsAndBodyPropertiesGetDistinctNames() {
    assertThat(server.tool("sameNames").http().parameters()).containsExactly(
        ParameterBinding.path("id", "id"),
        ParameterBinding.query("query_id", "id", false),
        ParameterBinding.header("header_id", "id", false),
        ParameterBinding.cookie("cookie_id", "id", false),
        ParameterBinding.query("body", "body", false));
    assertThat(server.tool("sameNames").http().body())
        .isEqualTo(RequestBody.flattened("application/json", true, "body_id", "id", "name", "name"));
    assertThat(server.schema("sameNames").path("required").toString()).isEqualTo("[\"id\",\"body_id\"]");
  }

  @Test
  void aWholeBodyArgumentYieldsItsNameToAParameter() {
    assertThat(server.tool("sameNameAsWholeBody").http().parameters()).contains(
        ParameterBinding.query("body", "body", false));
    assertThat(server.tool("sameNameAsWholeBody").http().body())
        .isEqualTo(RequestBody.whole("application/json", false, "request_body"));
  }

  @Test
  void argumentNamesAreTheSameOnEveryRun(@TempDir Path dir) throws GenerationException {
    GeneratedServer again = GeneratedServer.of("bodies30.yaml", dir, "bodies");

    assertThat(again.tool("sameNames").inputSchema()).isEqualTo(server.tool("sameNames").inputSchema());
    assertThat(again.tool("sameNames").http()).isEqualTo(server.tool("sameNames").http());
  }

  @Test
  void aMultipartAllOfOfObjectsIsMergedIntoArguments() {
    assertThat(server.tool("uploadVideo").http().body()).isEqualTo(RequestBody.multipart(false, List.of("videofile"),
        "name", "name", "channelId", "channelId", "videofile", "videofile"));
    assertThat(SchemaChecks.parse(server.property("uploadVideo", "videofile")).at("/properties/contentType/description")
        .asText()).isEqualTo("The part's media type; the API expects video/mp4, video/webm.");
  }

  @Test
  void aMultipartBodyThatNamesNoPartsYieldsToAnotherMediaType() {
    assertThat(server.tool("streamOrParts").http().body())
        .isEqualTo(RequestBody.whole("application/octet-stream", true, "body"));
  }

  @Test
  void aMultipartBodyThatNamesNoPartsAndHasNoAlternativeIsOneArgumentWithAWarning() {
    assertThat(server.tool("multipartWithoutParts").http().body())
        .isEqualTo(RequestBody.whole("multipart/form-data", false, "body"));
    assertThat(server.result().warnings()).filteredOn(w -> "multipartWithoutParts".equals(w.operationId()))
        .singleElement().satisfies(w -> {
      assertThat(w.operationId()).isEqualTo("multipartWithoutParts");
      assertThat(w.pointer()).isEqualTo("/paths/~1stream-only/post/requestBody/content/multipart~1form-data/schema");
      assertThat(w.message()).isEqualTo("the multipart/form-data body is not an object with properties, so its "
          + "parts cannot be told apart; the tool takes the whole body as one argument");
    });
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
