package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.generator.Diagnostic.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {

  private static final Path OUT = Path.of("target", "generated-sources", "openapi2mcp");

  @Test
  void summaryCountsToolsAndEachKindOfFile() {
    GenerationResult result = new GenerationResult(
        OUT,
        List.of(Path.of("a/PetstoreServer.java")),
        List.of(Path.of("a/PetstoreTools.java"), Path.of("a/PetstoreTools2.java")),
        List.of(),
        20,
        List.of());

    assertThat(Reports.summary("petstore", result))
        .isEqualTo("openapi2mcp: petstore: 20 tools; files: 1 written, 2 unchanged, 0 deleted in " + OUT);
  }

  @Test
  void summaryUsesTheSingularForOneTool() {
    GenerationResult result = new GenerationResult(OUT, List.of(), List.of(), List.of(Path.of("Old.java")), 1, List.of());

    assertThat(Reports.summary("tiny", result))
        .isEqualTo("openapi2mcp: tiny: 1 tool; files: 0 written, 0 unchanged, 1 deleted in " + OUT);
  }

  @Test
  void warningCarriesItsLocation() {
    Diagnostic warning = new Diagnostic(
        Severity.WARNING, "multipart bodies are sent as JSON", "api.yaml", "/paths/~1upload/post", "upload");

    assertThat(Reports.warning(warning))
        .isEqualTo("openapi2mcp: api.yaml#/paths/~1upload/post (upload): multipart bodies are sent as JSON");
  }

  @Test
  void failureListsEveryDiagnosticOnItsOwnLineErrorsFirst() {
    Diagnostic warning = new Diagnostic(Severity.WARNING, "no servers", "api.yaml", "/servers", null);
    Diagnostic first = new Diagnostic(Severity.ERROR, "unknown type 'strin'", "api.yaml", "/paths/~1a/get", "getA");
    Diagnostic second = new Diagnostic(Severity.ERROR, "missing info", "api.yaml", "/info", null);
    GenerationException failure = new GenerationException("invalid spec", List.of(warning, first, second));

    assertThat(Reports.failure(Reports.Run.GENERATION, "/p/api.yaml", failure).split("\n"))
        .containsExactly(
            "openapi2mcp: generation from /p/api.yaml failed with 2 errors:",
            "  ERROR api.yaml#/paths/~1a/get (getA): unknown type 'strin'",
            "  ERROR api.yaml#/info: missing info",
            "  WARNING api.yaml#/servers: no servers");
  }

  @Test
  void failureWithoutDiagnosticsFallsBackToTheExceptionMessage() {
    GenerationException failure = new GenerationException("cannot write /out", List.of());

    assertThat(Reports.failure(Reports.Run.GENERATION, "api.yaml", failure))
        .isEqualTo("openapi2mcp: generation from api.yaml failed: cannot write /out");
  }

  @Test
  void aFailedLintSaysLintNotGeneration() {
    GenerationException failure = new GenerationException("over budget",
        List.of(new Diagnostic(Severity.ERROR, "over the token budget of 100", null, null, null)));

    assertThat(Reports.failure(Reports.Run.LINT, "api.yaml", failure).split("\n"))
        .containsExactly("openapi2mcp: lint of api.yaml failed with 1 error:", "  ERROR over the token budget of 100");
  }
}
