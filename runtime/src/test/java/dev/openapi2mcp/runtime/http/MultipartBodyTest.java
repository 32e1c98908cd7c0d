package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.tool.RequestBody;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3: {@code multipart/form-data} bodies: fields as text or JSON parts, file parts from base64 content or, with
 * a file root, from local paths that must stay inside it; every refusal sends nothing. Parts are read back with
 * OkHttp's {@link MultipartReader}, so the assertions are about the parts, not about bytes. Issue 11: a model-supplied
 * content type is parsed in linear time, the file parts of one request are bounded in number and total size, a file
 * is streamed rather than read whole, and a directory swapped for a link after the check does not lead outside.
 */
class MultipartBodyTest {
  private final Harness harness = new Harness();
  @TempDir Path temp;

  @AfterEach
  void close() {
    harness.close();
  }

  /** One part as read back: its name, file name, content type and body. */
  record Part(String name, String filename, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static ToolDefinition upload(RequestBody body) {
    return ToolDefinition.builder("upload").http("POST", "/upload").body(body).build();
  }

  private static ToolDefinition form() {
    return upload(RequestBody.multipart(true, List.of("file"),
        "title", "title", "tags", "tags", "meta", "meta", "file", "file"));
  }

  private ToolResult call(ToolDefinition tool, String arguments, ExecutorOptions options) {
    return harness.executor(Harness.server(tool), Map.of(), options).execute(tool, Harness.args(arguments),
        Harness.CONTEXT);
  }

  private List<Part> send(ToolDefinition tool, String arguments, ExecutorOptions options) throws IOException {
    harness.enqueue(200, "ok");
    ToolResult result = call(tool, arguments, options);
    assertThat(result.isError()).as(Harness.text(result)).isFalse();
    return parts(harness.take());
  }

  private List<Part> send(ToolDefinition tool, String arguments) throws IOException {
    return send(tool, arguments, harness.options());
  }

  private String refused(ToolDefinition tool, String arguments, ExecutorOptions options) {
    ToolResult result = call(tool, arguments, options);
    assertThat(result.isError()).isTrue();
    assertThat(harness.server.getRequestCount()).as("requests sent").isZero();
    return Harness.text(result);
  }

  private static List<Part> parts(RecordedRequest request) throws IOException {
    MediaType type = MediaType.get(request.getHeaders().get("Content-Type"));
    assertThat(type.type() + "/" + type.subtype()).isEqualTo("multipart/form-data");
    List<Part> parts = new ArrayList<>();
    try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()),
        type.parameter("boundary"))) {
      for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
        String disposition = part.headers().get("Content-Disposition");
        parts.add(new Part(parameter(disposition, "name"), parameter(disposition, "filename"),
            part.headers().get("Content-Type"), part.body().readByteArray()));
      }
    }
    return parts;
  }

  private static String parameter(String disposition, String name) {
    for (String piece : disposition.split(";")) {
      String trimmed = piece.strip();
      if (trimmed.startsWith(name + "=\"")) {
        return trimmed.substring(name.length() + 2, trimmed.length() - 1);
      }
    }
    return null;
  }

  @Test
  void scalarFieldsAreTextPartsInDeclarationOrder() throws IOException {
    List<Part> parts = send(form(), "{\"tags\":[\"a\"],\"title\":\"Caf\u00e9 #1\"}");

    assertThat(parts).extracting(Part::name).containsExactly("title", "tags");
    assertThat(parts.get(0).contentType()).isNull();
    assertThat(parts.get(0).text()).isEqualTo("Caf\u00e9 #1");
  }

  @Test
  void arrayFieldSendsOnePartPerItemUnderTheSameName() throws IOException {
    List<Part> parts = send(form(), "{\"tags\":[\"red\",2,true]}");

    assertThat(parts).extracting(Part::name).containsExactly("tags", "tags", "tags");
    assertThat(parts).extracting(Part::text).containsExactly("red", "2", "true");
  }

  @Test
  void objectFieldIsAJsonPart() throws IOException {
    List<Part> parts = send(form(), "{\"meta\":{\"size\":3,\"labels\":[\"x\"]}}");

    assertThat(parts).singleElement().satisfies(part -> {
      assertThat(part.contentType()).isEqualTo("application/json");
      assertThat(Harness.JSON.readTree(part.body())).isEqualTo(Harness.args("{\"size\":3,\"labels\":[\"x\"]}"));
    });
  }

  @Test
  void fileFromBase64ContentIsAFilePartWithItsNameAndType() throws IOException {
    byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
    String content = Base64.getEncoder().encodeToString(bytes);

    List<Part> parts = send(form(), "{\"file\":{\"content\":\"" + content
        + "\",\"filename\":\"pic.png\",\"contentType\":\"image/png\"}}");

    assertThat(parts).singleElement().satisfies(part -> {
      assertThat(part.name()).isEqualTo("file");
      assertThat(part.filename()).isEqualTo("pic.png");
      assertThat(part.contentType()).isEqualTo("image/png");
      assertThat(part.body()).containsExactly(bytes);
    });
  }

  @Test
  void fileWithoutNameOrTypeIsNamedAfterThePartAndSentAsOctetStream() throws IOException {
    List<Part> parts = send(form(), "{\"file\":{\"content\":\"aGk\"}}");

    assertThat(parts.get(0).filename()).isEqualTo("file");
    assertThat(parts.get(0).contentType()).isEqualTo("application/octet-stream");
    assertThat(parts.get(0).text()).isEqualTo("hi");
  }

  @Test
  void arrayOfFilesSendsOnePartPerFile() throws IOException {
    List<Part> parts = send(form(), "{\"file\":[{\"content\":\"YQ==\",\"filename\":\"a.txt\"},"
        + "{\"content\":\"Yg==\",\"filename\":\"b.txt\"}]}");

    assertThat(parts).extracting(Part::name).containsExactly("file", "file");
    assertThat(parts).extracting(Part::filename).containsExactly("a.txt", "b.txt");
    assertThat(parts).extracting(Part::contentType).containsExactly("text/plain", "text/plain");
  }

  @Test
  void fileWithBothContentAndPathIsRefused() {
    assertThat(refused(form(), "{\"file\":{\"content\":\"YQ==\",\"path\":\"a.txt\"}}", harness.options()))
        .contains("file: give exactly one of 'content' (base64) and 'path'");
  }

  @Test
  void fileContentThatIsNotBase64IsRefused() {
    assertThat(refused(form(), "{\"file\":{\"content\":\"not base64!\"}}", harness.options()))
        .contains("file.content: not valid base64");
  }

  @Test
  void pathIsRefusedWhenTheServerAllowsNoLocalFiles() throws IOException {
    Files.writeString(temp.resolve("a.txt"), "secret");

    assertThat(refused(form(), "{\"file\":{\"path\":\"" + temp.resolve("a.txt") + "\"}}", harness.options()))
        .contains("local files are not enabled on this server").contains("--file-root");
  }

  @Test
  void pathInsideTheFileRootIsReadAndNamedAfterTheFile() throws IOException {
    Path root = Files.createDirectories(temp.resolve("root/reports"));
    Files.writeString(root.resolve("q1.csv"), "a,b\n1,2\n");

    List<Part> parts = send(form(), "{\"file\":{\"path\":\"reports/q1.csv\"}}",
        harness.options().withFileRoot(temp.resolve("root")));

    assertThat(parts.get(0).filename()).isEqualTo("q1.csv");
    assertThat(parts.get(0).text()).isEqualTo("a,b\n1,2\n");
  }

  @Test
  void pathLeavingTheFileRootWithDotDotIsRefused() throws IOException {
    Files.createDirectories(temp.resolve("root"));
    Files.writeString(temp.resolve("outside.txt"), "secret");

    assertThat(refused(form(), "{\"file\":{\"path\":\"../outside.txt\"}}",
        harness.options().withFileRoot(temp.resolve("root"))))
        .contains("is outside the directory this server may read files from");
  }

  @Test
  void absolutePathOutsideTheFileRootIsRefused() throws IOException {
    Files.createDirectories(temp.resolve("root"));
    Path outside = Files.writeString(temp.resolve("outside.txt"), "secret");

    assertThat(refused(form(), "{\"file\":{\"path\":\"" + outside + "\"}}",
        harness.options().withFileRoot(temp.resolve("root"))))
        .contains("is outside the directory");
  }

  @Test
  void symbolicLinkPointingOutOfTheFileRootIsRefused() throws IOException {
    Path root = Files.createDirectories(temp.resolve("root"));
    Path outside = Files.writeString(temp.resolve("outside.txt"), "secret");
    Files.createSymbolicLink(root.resolve("link.txt"), outside);

    assertThat(refused(form(), "{\"file\":{\"path\":\"link.txt\"}}", harness.options().withFileRoot(root)))
        .contains("is outside the directory");
  }

  @Test
  void directoryIsNotAFile() throws IOException {
    Path root = Files.createDirectories(temp.resolve("root/sub"));

    assertThat(refused(form(), "{\"file\":{\"path\":\"sub\"}}",
        harness.options().withFileRoot(root.getParent())))
        .contains("'sub' is not a regular file");
  }

  @Test
  void fileLargerThanTheLimitIsRefused() throws IOException {
    Path root = Files.createDirectories(temp.resolve("root"));
    Files.write(root.resolve("big.bin"), new byte[101]);

    assertThat(refused(form(), "{\"file\":{\"path\":\"big.bin\"}}",
        harness.options().withFileRoot(root).withMaxFileBytes(100)))
        .contains("the file has 101 bytes, more than the 100 bytes");
  }

  @Test
  void contentLargerThanTheLimitIsRefused() {
    String content = Base64.getEncoder().encodeToString(new byte[300]);

    assertThat(refused(form(), "{\"file\":{\"content\":\"" + content + "\"}}",
        harness.options().withMaxFileBytes(100)))
        .contains("more than the 100 bytes");
  }

  @Test
  void fieldWithAnEncodingStyleSendsThePairsOfThatStyleUnencoded() throws IOException {
    ToolDefinition tool = upload(RequestBody.multipart(true, List.of(), "address", "address", "ids", "ids")
        .encoding("address", "deepObject", true)
        .encoding("ids", "form", false));

    List<Part> parts = send(tool, "{\"address\":{\"city\":\"New York\",\"zip\":\"10001\"},\"ids\":[1,2]}");

    assertThat(parts).extracting(Part::name).containsExactly("address[city]", "address[zip]", "ids");
    assertThat(parts).extracting(Part::text).containsExactly("New York", "10001", "1,2");
  }

  @Test
  void wholeObjectBodySendsItsPropertiesAsParts() throws IOException {
    ToolDefinition tool = upload(RequestBody.whole("multipart/form-data", true, "body"));

    List<Part> parts = send(tool, "{\"body\":{\"id\":7,\"note\":\"x\"}}");

    assertThat(parts).extracting(Part::name).containsExactly("id", "note");
    assertThat(parts).extracting(Part::text).containsExactly("7", "x");
  }

  @Test
  void aContentTypeWithSpaceAroundItsParametersIsAccepted() throws IOException {
    List<Part> parts = send(form(),
        "{\"file\":{\"content\":\"YQ==\",\"contentType\":\" text/plain ;  charset=utf-8 \"}}");

    assertThat(parts.get(0).contentType()).isEqualTo("text/plain; charset=utf-8");
  }

  /**
   * Issue 11: the expression {@code \s*;\s*} took seconds on a content type of 40,000 spaces; the type is now
   * parsed by a linear split, and one beyond the length limit is refused before it is parsed at all.
   */
  @Test
  void aContentTypeOfFortyThousandSpacesIsRefusedQuickly() {
    Map<String, JsonNode> fields = Map.of("file", Harness.args(
        "{\"content\":\"YQ==\",\"contentType\":\"text/plain" + " ".repeat(40_000) + "x\"}"));

    InvalidRequestException refusal = assertTimeoutPreemptively(Duration.ofSeconds(1),
        () -> assertThrows(InvalidRequestException.class, () -> MultipartEncoder.encode(null, fields,
            Set.of("file"), Map.of(), new LocalFiles(null, 100))));

    assertThat(refusal.getMessage()).startsWith("file.contentType: ");
  }

  /** Issue 11: a per-file limit alone let one call name the same large file any number of times. */
  @Test
  void fileItemsAddingUpToMoreThanTheTotalAreRefusedAndNothingIsSent() throws IOException {
    Path root = Files.createDirectories(temp.resolve("root"));
    Files.write(root.resolve("sixty.bin"), new byte[60]);
    String item = "{\"path\":\"sixty.bin\"}";
    String items = String.join(",", Collections.nCopies(7, item));

    assertThat(refused(form(), "{\"file\":[" + items + "]}",
        harness.options().withFileRoot(root).withMaxFileBytes(100)))
        .contains("file: the file parts of this request add up to more than the 400 bytes this server sends per "
            + "request");
  }

  @Test
  void moreFileItemsThanTheCapAreRefusedAndNothingIsSent() {
    String items = String.join(",", Collections.nCopies(UploadAllowance.MAX_FILE_PARTS + 1,
        "{\"content\":\"YQ==\"}"));

    assertThat(refused(form(), "{\"file\":[" + items + "]}", harness.options()))
        .contains("file: more than " + UploadAllowance.MAX_FILE_PARTS + " file parts in one request");
  }

  /** Encodes one file part named by {@code path}, straight through the encoder. */
  private static okhttp3.RequestBody encodePath(String path, LocalFiles files) throws InvalidRequestException {
    return MultipartEncoder.encode(null, Map.of("file", Harness.args("{\"path\":\"" + path + "\"}")),
        Set.of("file"), Map.of(), files);
  }

  /** The body of a part for {@code data.txt}, "AAAA" when checked, the file rewritten as {@code later} after that. */
  private okhttp3.RequestBody checkedThenRewritten(String later) throws IOException, InvalidRequestException {
    Path root = Files.createDirectories(temp.resolve("root"));
    Path file = Files.writeString(root.resolve("data.txt"), "AAAA");
    okhttp3.RequestBody body = encodePath("data.txt", new LocalFiles(root, 100));
    Files.writeString(file, later);
    return body;
  }

  /** Issue 11: a file named by path is streamed while the request is written, not read whole when it is built. */
  @Test
  void aFileIsReadWhenTheRequestIsWrittenNotWhenItIsBuilt() throws IOException, InvalidRequestException {
    okhttp3.RequestBody body = checkedThenRewritten("BBBB");

    Buffer written = new Buffer();
    body.writeTo(written);

    assertThat(body.contentLength()).isEqualTo(written.size());
    assertThat(written.readUtf8()).contains("BBBB").doesNotContain("AAAA");
  }

  @Test
  void aFileThatGrowsAfterItWasCheckedIsNotSent() throws IOException, InvalidRequestException {
    okhttp3.RequestBody body = checkedThenRewritten("AAAAAAAA");

    assertThatThrownBy(() -> body.writeTo(new Buffer())).isInstanceOf(IOException.class)
        .hasMessageContaining("'data.txt' changed after it was checked");
  }

  /**
   * A root holding {@code reports/q1.csv}, whose {@code reports} directory is replaced by a link to a directory
   * outside holding its own {@code q1.csv} ("top secret") on the {@code n}th open.
   */
  private LocalFiles reportsSwappedOnOpen(int n) throws IOException {
    Path root = Files.createDirectories(temp.resolve("root"));
    Files.writeString(Files.createDirectories(root.resolve("reports")).resolve("q1.csv"), "a,b");
    Files.writeString(Files.createDirectories(temp.resolve("outside")).resolve("q1.csv"), "top secret");
    return new LocalFiles(root, 100, swapOnce(root.resolve("reports"), temp.resolve("outside"), n));
  }

  /**
   * Issue 11: a directory on the checked path swapped for a link out of the root, between the check and the open,
   * must not lead the open outside: the open follows no link on the way.
   */
  @Test
  void aParentDirectorySwappedForALinkOutOfTheRootIsRefused() throws IOException {
    LocalFiles files = reportsSwappedOnOpen(1);

    assertThatThrownBy(() -> encodePath("reports/q1.csv", files))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("file: the file 'reports/q1.csv' cannot be read");
  }

  @Test
  void aParentDirectorySwappedAfterTheCheckIsNotFollowedWhenTheFileIsSent() throws Exception {
    okhttp3.RequestBody body = encodePath("reports/q1.csv", reportsSwappedOnOpen(2));
    Buffer written = new Buffer();

    assertThatThrownBy(() -> body.writeTo(written)).isInstanceOf(IOException.class);
    assertThat(written.readUtf8()).doesNotContain("secret");
  }

  /** On its {@code n}th run, replaces {@code directory} by a symbolic link to {@code elsewhere}. */
  private static Runnable swapOnce(Path directory, Path elsewhere, int n) {
    int[] runs = {0};
    return () -> {
      if (++runs[0] != n) {
        return;
      }
      try {
        Files.move(directory, directory.resolveSibling(directory.getFileName() + "-moved"));
        Files.createSymbolicLink(directory, elsewhere);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
