package dev.openapi2mcp.generator.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a description may not make the build read files outside its own directory. A hostile spec that refers
 * to {@code ../secret.yaml}, to an absolute path or to a {@code file:} URL would otherwise copy what that file
 * holds (a token in a YAML config, say) into the generated server's tool descriptions. Each such reference is an
 * error naming it, its file and JSON pointer, and the file is not read; {@code allowRemoteRefs} lifts the rule.
 */
class LocalReferenceConfinementTest {
  private static final String SECRET = "s3cr3t-token-value";

  @TempDir
  Path root;

  private Path specs;

  @BeforeEach
  void outsideFile() throws IOException {
    specs = Files.createDirectories(root.resolve("api"));
    Files.writeString(root.resolve("secret.yaml"), "Token: {type: string, enum: [" + SECRET + "]}\n");
  }

  private Path spec(String ref) throws IOException {
    Path spec = specs.resolve("spec.yaml");
    Files.writeString(spec, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n"
        + "      operationId: getX\n      parameters:\n        - {name: q, in: query, schema: {$ref: '" + ref
        + "'}}\n      responses: {'200': {description: ok}}\n");
    return spec;
  }

  private Diagnostic refusal(Path spec) throws IOException {
    Path out = root.resolve("out");
    GeneratorConfig config = new GeneratorConfig(spec.toString(), out, Specs.PACKAGE, "confined");
    GenerationException e = catchThrowableOfType(GenerationException.class, () -> Generator.run(config));
    assertThat(e).as("the run fails").isNotNull();
    assertThat(out).doesNotExist();
    assertThat(e.getMessage()).doesNotContain(SECRET);
    List<Diagnostic> errors = e.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    assertThat(errors).extracting(Diagnostic::message).noneMatch(m -> m.contains(SECRET));
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  private void assertRefused(String ref) throws IOException {
    Path spec = spec(ref);
    Diagnostic error = refusal(spec);
    assertThat(error.file()).isEqualTo(spec.toString());
    assertThat(error.pointer()).isEqualTo("/paths/~1x/get/parameters/0/schema/$ref");
    assertThat(error.message()).isEqualTo("local $ref " + ref + " is not read: it leads out of the spec's directory "
        + specs.toRealPath() + "; allow it (allowRemoteRefs) or copy the document beside the spec");
  }

  @Test
  void aRelativeReferenceOutOfTheSpecsDirectoryIsRefused() throws IOException {
    assertRefused("../secret.yaml#/Token");
  }

  @Test
  void anAbsolutePathIsRefused() throws IOException {
    assertRefused(root.resolve("secret.yaml").toAbsolutePath() + "#/Token");
  }

  @Test
  void aFileUrlIsRefused() throws IOException {
    assertRefused(root.resolve("secret.yaml").toUri() + "#/Token");
  }

  @Test
  void aSymbolicLinkInsideTheDirectoryCannotLeadOut() throws IOException {
    Files.createSymbolicLink(specs.resolve("link.yaml"), root.resolve("secret.yaml"));
    assertRefused("link.yaml#/Token");
  }

  @Test
  void filesBelowTheSpecsDirectoryAreRead() throws Exception {
    Files.createDirectories(specs.resolve("shared"));
    Files.writeString(specs.resolve("shared/types.yaml"), "Token: {type: string, enum: [inside]}\n");

    GeneratedServer server = GeneratedServer.of(new GeneratorConfig(spec("shared/types.yaml#/Token").toString(),
        root.resolve("out"), Specs.PACKAGE, "confined"));

    assertThat(server.property("getX", "q")).isEqualTo("{\"type\":\"string\",\"enum\":[\"inside\"]}");
  }

  @Test
  void allowRemoteRefsLiftsTheRule() throws Exception {
    GeneratedServer server = GeneratedServer.of(new GeneratorConfig(spec("../secret.yaml#/Token").toString(),
        root.resolve("out"), Specs.PACKAGE, "confined").withAllowRemoteRefs(true));

    assertThat(server.property("getX", "q")).contains(SECRET);
  }

  @Test
  void nothingOfARefusedFileReachesTheOutput() throws IOException {
    refusal(spec("../secret.yaml#/Token"));
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).filter(f -> !f.endsWith("secret.yaml")))
          .allSatisfy(f -> assertThat(Files.readString(f)).doesNotContain(SECRET));
    }
  }
}
