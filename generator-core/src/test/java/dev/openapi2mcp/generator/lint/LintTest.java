package dev.openapi2mcp.generator.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.GenerationResult;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.schema.SchemaBudget;
import dev.openapi2mcp.generator.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint (issue 4, item 5): each check fires on a spec made to trigger it and stays silent on a clean one; the token
 * budget fails the run naming the largest tools; the report prints as a table and is written to files.
 */
class LintTest {
  @TempDir Path dir;

  private static final String CLEAN = """
      openapi: 3.0.3
      info: {title: Clean, version: "1"}
      servers: [{url: "https://api.example.com"}]
      paths:
        /pets/{petId}:
          get:
            operationId: getPet
            summary: Find one pet by its ID
            parameters:
              - {name: petId, in: path, required: true, description: ID of the pet to return, schema: {type: integer}}
            responses:
              "200": {description: the pet}
        /pets:
          post:
            operationId: addPet
            summary: Add a new pet to the store
            requestBody:
              required: true
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      name: {type: string, description: What the pet answers to}
            responses:
              "201": {description: created}
      """;

  private static final String UNCLEAN = """
      openapi: 3.0.3
      info: {title: Unclean, version: "1"}
      servers: [{url: "https://api.example.com"}]
      paths:
        /pets:
          get:
            responses:
              "200": {description: ok}
          post:
            operationId: addPet
            summary: Pets
            requestBody:
              required: true
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      name: {type: string}
                      tag: {type: string, description: The tag.}
            responses:
              "201": {description: created}
        /pets/{petId}:
          get:
            operationId: getPetById
            summary: Get pet by ID
            parameters:
              - {name: petId, in: path, required: true, description: The ID, schema: {type: integer}}
            responses:
              "200": {description: ok}
        /owners/{ownerId}/pets:
          get:
            operationId: listThePetsThatBelongToTheOwnerWithTheGivenIdentifierIncludingArchivedOnes
            summary: List the pets of an owner, archived ones too
            parameters:
              - {name: ownerId, in: path, required: true, description: Whose pets to list, schema: {type: string}}
            responses:
              "200": {description: ok}
        /deep:
          post:
            operationId: postDeep
            summary: Store a deeply nested document
            requestBody:
              content:
                application/json:
                  schema:
                    type: object
                    description: The document to store
                    properties:
                      a:
                        type: object
                        description: Level one
                        properties:
                          b:
                            type: object
                            properties:
                              c: {type: object, properties: {d: {type: string}}}
            responses:
              "204": {description: stored}
      """;

  private GeneratorConfig config(String spec, String name) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, spec);
    return new GeneratorConfig(file.toString(), dir.resolve("out-" + name), Specs.PACKAGE, name)
        .withSchemaBudget(new SchemaBudget(3, SchemaBudget.DEFAULT_MAX_BYTES));
  }

  private static Map<Check, List<String>> toolsByCheck(LintReport report) {
    return report.findings().stream().collect(Collectors.groupingBy(Finding::check,
        Collectors.mapping(Finding::tool, Collectors.toList())));
  }

  @Test
  void aCleanSpecHasNoFindings() throws Exception {
    LintReport report = Generator.lint(config(CLEAN, "clean")).lint();

    assertThat(report.findings()).isEmpty();
    assertThat(report.sizes()).extracting(ToolSize::tool).containsExactly("getPet", "addPet");
  }

  @Test
  void eachCheckFiresOnTheToolMadeToTriggerIt() throws Exception {
    LintReport report = Generator.lint(config(UNCLEAN, "unclean")).lint();
    String longName = report.sizes().get(3).tool();

    assertThat(toolsByCheck(report)).containsOnly(
        Map.entry(Check.MISSING_DESCRIPTION, List.of("get_pets")),
        Map.entry(Check.VAGUE_DESCRIPTION, List.of("addPet", "getPetById")),
        Map.entry(Check.MISSING_ARGUMENT_DESCRIPTION, List.of("addPet")),
        Map.entry(Check.VAGUE_ARGUMENT_DESCRIPTION, List.of("addPet", "getPetById")),
        Map.entry(Check.NAME_SHORTENED, List.of(longName)),
        Map.entry(Check.SCHEMA_CUT, List.of("postDeep")));
    assertThat(longName).hasSizeLessThanOrEqualTo(GeneratorConfig.DEFAULT_MAX_TOOL_NAME_LENGTH);
    assertThat(details(report, "addPet")).containsExactly(
        "vague tool description: 1 word, fewer than 3",
        "arguments without description: name",
        "vague argument description: tag (\"The tag.\")");
    assertThat(details(report, "getPetById")).containsExactly(
        "vague tool description: only repeats the tool name",
        "vague argument description: petId (\"The ID\")");
    assertThat(details(report, "get_pets")).containsExactly("missing tool description: only GET /pets");
    String wanted = "listThePetsThatBelongToTheOwnerWithTheGivenIdentifierIncludingArchivedOnes";
    assertThat(details(report, longName)).containsExactly("name shortened to fit: from " + wanted + " ("
        + wanted.length() + " characters)");
    // The body argument "a" keeps its description; what lies below depth 3 was cut.
    assertThat(details(report, "postDeep")).singleElement().asString()
        .startsWith("schema cut by the budget: at input#/properties/a/properties/b");
  }

  @Test
  void findingsAreWarningsThatNeverFailARun() throws Exception {
    GenerationResult result = Generator.run(config(UNCLEAN, "unclean"));

    assertThat(result.lint().findings()).isNotEmpty();
    assertThat(result.written()).isNotEmpty();
  }

  @Test
  void overTheTokenBudgetTheRunFailsNamingEstimateBudgetAndLargestTools() throws Exception {
    GeneratorConfig config = config(UNCLEAN, "unclean");
    LintReport unlimited = Generator.lint(config).lint();
    int budget = (int) unlimited.tokens() - 1;

    GeneratorConfig limited = config.withTokenBudget(budget);
    assertThatThrownBy(() -> Generator.run(limited))
        .isInstanceOfSatisfying(GenerationException.class, e -> {
          List<Diagnostic> errors = e.diagnostics().stream()
              .filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
          assertThat(errors).singleElement().extracting(Diagnostic::message).isEqualTo(
              unlimited.withTokenBudget(budget).budgetMessage());
        });
    assertThatThrownBy(() -> Generator.lint(limited)).isInstanceOf(GenerationException.class);
    assertThat(config.outputDirectory()).doesNotExist();

    List<ToolSize> largest = unlimited.largest(LintReport.LARGEST_IN_MESSAGE);
    String message = unlimited.withTokenBudget(budget).budgetMessage();
    assertThat(message).startsWith("the tools/list answer of unclean is about " + LintReport.number(
        unlimited.tokens()) + " tokens (" + LintReport.number(unlimited.totalBytes()) + " bytes / 4), over the "
        + "token budget of " + LintReport.number(budget) + "; largest tools: " + largest.get(0).tool() + " ("
        + largest.get(0).tokens() + "), ");
    assertThat(message).contains(largest.get(4).tool() + " (" + largest.get(4).tokens() + ")")
        .endsWith("Leave tools out with a filter, shorten their descriptions or schemas with overrides, "
            + "or raise the token budget");
    assertThat(Generator.lint(config.withTokenBudget((int) unlimited.tokens())).lint().budgetExceeded())
        .isFalse();
  }

  @Test
  void theReportFilesAreWrittenAndStableAcrossRuns() throws Exception {
    Path reports = dir.resolve("reports");
    GeneratorConfig config = config(UNCLEAN, "unclean").withReportDirectory(reports);

    LintReport report = Generator.run(config).lint();
    byte[] json = Files.readAllBytes(reports.resolve(ReportFiles.TOOLS_LIST_JSON));
    String markdown = Files.readString(reports.resolve(ReportFiles.LINT_MD));
    Generator.lint(config);

    assertThat(Files.readAllBytes(reports.resolve(ReportFiles.TOOLS_LIST_JSON))).isEqualTo(json);
    assertThat(Files.readString(reports.resolve(ReportFiles.LINT_MD))).isEqualTo(markdown)
        .isEqualTo(report.markdown());
    // One row per tool with findings, each naming the tool first.
    List<String> rows = markdown.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| tool")
        && !line.startsWith("| check") && !line.startsWith("| ---")).toList();
    assertThat(rows).hasSize(Check.values().length + 5);
    assertThat(rows.subList(Check.values().length, rows.size())).extracting(row -> row.split(" \\| ")[0]
        .substring(2)).containsExactly("get_pets", "addPet", "getPetById", report.sizes().get(3).tool(),
        "postDeep");
  }

  private static List<String> details(LintReport report, String tool) {
    return report.findings().stream().filter(f -> f.tool().equals(tool)).map(Finding::toString).toList();
  }
}
