package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.openapi2mcp.generator.testing.Specs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that must fail, with every problem named: what, in which file, and where in it. */
class InvalidInputTest {
  @TempDir
  Path out;

  private GenerationException failure(GeneratorConfig config) {
    GenerationException e = catchThrowableOfType(GenerationException.class, () -> Generator.run(config));
    assertThat(e).as("the run fails").isNotNull();
    return e;
  }

  private static Diagnostic error(String file, String pointer, String operationId, String message) {
    return new Diagnostic(Diagnostic.Severity.ERROR, message, file, pointer, operationId);
  }

  @Test
  void aSpecWithSeveralErrorsReportsEveryOneWithFileAndPointer() {
    String file = Specs.path("invalid/several-errors.yaml").toString();

    GenerationException e = failure(Specs.config("invalid/several-errors.yaml", out, "pets"));

    assertThat(e.diagnostics()).containsExactlyInAnyOrder(
        error(file, "/components/schemas/com.example.Pet/required", null,
            "attribute components.schemas.com.example.Pet.required is not of type `array`"),
        error(file, "/paths/~1pets/get/parameters/0/in", "listPets",
            "attribute paths.'/pets'(get).parameters.[limit].in is not of type `[query|header|path|cookie]`"),
        error(file, "/info", null, "attribute info.version is missing"),
        error(file, "/paths/~1pets/post", "createPet", "attribute paths.'/pets'(post).responses is missing"),
        error(file, "/paths/~1pets~1{petId}", null, "paths.'/pets/{petId}'. Declared path parameter petId needs "
            + "to be defined as a path parameter in path or operation level"));
    // The exception's message lists them all too, each with its location.
    for (Diagnostic d : e.diagnostics()) {
      assertThat(e.getMessage()).contains(d.toString());
    }
    assertThat(out).isEmptyDirectory();
  }

  @Test
  void aMissingFileNamesThePath() {
    Path missing = out.resolve("nope/openapi.yaml");

    GenerationException e = failure(new GeneratorConfig(missing.toString(), out.resolve("src"), "a.b", "x"));

    assertThat(e.diagnostics()).containsExactly(new Diagnostic(Diagnostic.Severity.ERROR,
        "OpenAPI description not found: " + missing, missing.toString(), null, null));
    assertThat(e.getMessage()).contains("OpenAPI description not found: " + missing);
  }

  @Test
  void aFileThatIsNotYamlSaysWhereTheSyntaxBreaks() {
    GenerationException e = failure(Specs.config("invalid/not-yaml.yaml", out, "x"));

    assertThat(e.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR);
      assertThat(d.file()).isEqualTo(Specs.path("invalid/not-yaml.yaml").toString());
      assertThat(d.message()).startsWith("the OpenAPI description is neither valid JSON nor YAML").contains("line 2, column 7");
    });
  }

  @Test
  void aDocumentThatIsNoOpenApiFailsWithTheParserMessages() {
    GenerationException e = failure(Specs.config("invalid/not-openapi.json", out, "x"));

    assertThat(e.diagnostics()).extracting(Diagnostic::message).contains("attribute hello is unexpected",
        "attribute info is missing", "attribute paths is missing");
    assertThat(e.diagnostics()).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR));
    assertThat(e.diagnostics()).filteredOn(d -> d.message().contains("hello"))
        .singleElement().satisfies(d -> assertThat(d.pointer()).isEqualTo("/hello"));
  }

  @Test
  void aRequirementNamingAnUndefinedSchemeIsAnError() {
    String file = Specs.path("invalid/undefined-scheme.yaml").toString();

    GenerationException e = failure(Specs.config("invalid/undefined-scheme.yaml", out, "x"));

    assertThat(e.diagnostics()).contains(error(file, "/paths/~1pets/get/security", "listPets",
        "security requirement names undefined scheme nobodyDefinedThis"));
  }

  @Test
  void anUnreachableUrlSaysSo() {
    GenerationException e = failure(new GeneratorConfig("http://127.0.0.1:9/openapi.yaml", out, "a.b", "x"));

    assertThat(e.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.file()).isEqualTo("http://127.0.0.1:9/openapi.yaml");
      assertThat(d.message()).startsWith("cannot read the OpenAPI description http://127.0.0.1:9/openapi.yaml");
    });
  }

  @Test
  void configurationErrorsAreAllReportedBeforeTheSpecIsRead() {
    Path template = out.resolve("missing-template.txt");
    GeneratorConfig config = new GeneratorConfig(out.resolve("missing.yaml").toString(), out, "com.class.x", " ",
        template, 64);

    GenerationException e = failure(config);

    assertThat(e.diagnostics()).extracting(Diagnostic::message).containsExactlyInAnyOrder(
        "packageName 'com.class.x' is not a Java package name (dot-separated identifiers, no keywords)",
        "serverName must not be blank",
        "descriptionTemplate not found: " + template);
    assertThat(e.diagnostics()).extracting(Diagnostic::message)
        .noneMatch(m -> m.startsWith("OpenAPI description not found"));
  }

  @Test
  void parserMessagesAboutFaultsTheGeneratorRepairsAreWarnings() throws GenerationException {
    // An OpenAPI 3.0 array without items is invalid; the converter gives it "items": {} and says so.
    GenerationResult result = Specs.generate("arrays-without-items.yaml", out, "arrays");

    assertThat(result.warnings()).extracting(Diagnostic::message)
        .anyMatch(m -> m.endsWith(".items is missing"));
    assertThat(result.warnings()).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING));
    assertThat(List.copyOf(result.written())).isNotEmpty();
  }
}
