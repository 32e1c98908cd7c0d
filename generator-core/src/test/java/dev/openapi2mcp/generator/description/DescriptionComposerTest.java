package dev.openapi2mcp.generator.description;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.model.HttpMethod;
import dev.openapi2mcp.generator.model.OperationModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default template from the templates module, and user templates loaded from a file. */
class DescriptionComposerTest {
  private final Diagnostics diagnostics = new Diagnostics("spec.json");

  private static OperationModel operation(String summary, String description, boolean deprecated) {
    return new OperationModel("getPet", HttpMethod.GET, "/pet/{petId}", summary, description, deprecated,
        List.of(), null, List.of(), "/paths/~1pet~1{petId}/get");
  }

  private DescriptionComposer defaultComposer() {
    DescriptionTemplate template = TemplateLoader.load(null, diagnostics);
    assertThat(diagnostics.all()).isEmpty();
    return new DescriptionComposer(template);
  }

  @Test
  void defaultIsSummaryThenDescription() {
    assertThat(defaultComposer().compose(operation("Find pet by ID", "Returns a single pet", false)))
        .isEqualTo("Find pet by ID\n\nReturns a single pet");
  }

  @Test
  void defaultLeavesOutADescriptionThatRepeatsTheSummary() {
    assertThat(defaultComposer().compose(operation("Find pet by ID", "  find pet  by id. ", false)))
        .isEqualTo("Find pet by ID");
  }

  @Test
  void defaultNotesDeprecation() {
    assertThat(defaultComposer().compose(operation("Finds Pets by tags", null, true)))
        .isEqualTo("Finds Pets by tags\n\nDeprecated: this operation may be removed from the API.");
  }

  @Test
  void defaultUsesTheDescriptionAloneWithoutSummary() {
    assertThat(defaultComposer().compose(operation(null, "Returns a single pet.\n\n\n\nMore   \nlines.", false)))
        .isEqualTo("Returns a single pet.\n\nMore\nlines.");
  }

  @Test
  void defaultFallsBackToMethodAndPath() {
    assertThat(defaultComposer().compose(operation(null, null, false))).isEqualTo("GET /pet/{petId}");
  }

  @Test
  void aUserTemplateReplacesTheDefault(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("desc.txt");
    Files.writeString(file, "[{{operationId}}] {{summary}}{{#deprecated}} (deprecated){{/deprecated}}\n");
    DescriptionTemplate template = TemplateLoader.load(file, diagnostics);

    assertThat(new DescriptionComposer(template).compose(operation("Find pet", "ignored here", true)))
        .isEqualTo("[getPet] Find pet (deprecated)");
  }

  @Test
  void aBrokenUserTemplateIsAnErrorNamingTheFileAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("desc.txt");
    Files.writeString(file, "{{summary}}\n{{#deprecated}}x\n");

    assertThat(TemplateLoader.load(file, diagnostics)).isNull();
    assertThat(diagnostics.all()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR);
      assertThat(d.file()).isEqualTo(file.toString());
      assertThat(d.message()).contains("'deprecated' is never closed");
    });
  }

  @Test
  void aMissingUserTemplateIsAnErrorNamingThePath(@TempDir Path dir) {
    Path file = dir.resolve("nope.txt");
    assertThat(TemplateLoader.load(file, diagnostics)).isNull();
    assertThat(diagnostics.all()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("descriptionTemplate not found: " + file));
  }
}
