package dev.openapi2mcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.generator.ApiSource;
import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.GenerationResult;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.Reports;
import dev.openapi2mcp.generator.ToolFilter;
import dev.openapi2mcp.generator.schema.SchemaBudget;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.generator.tool.FileParts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line run in-process: what it writes, what it prints where, and its exit status. */
class CliTest {
  private static final String PACKAGE = "com.example.cli";

  @TempDir
  Path dir;

  /** One run: exit status and both streams. */
  record Run(int status, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = new Cli(o, e).run(args);
    }
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Every regular file under {@code root}, by relative path ('/'-separated), with its content. */
  static Map<String, String> files(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path).toString().replace('\\', '/'), Files.readString(path));
      }
    }
    return files;
  }

  @Test
  void generateWritesTheServerSourcesAndPrintsASummary() throws Exception {
    Path out = dir.resolve("gen");

    Run run = run("generate", "--spec", Specs.path("petstore.json").toString(), "--package", PACKAGE,
        "--out", out.toString());

    assertThat(run.status()).isEqualTo(Cli.OK);
    assertThat(files(out)).containsOnlyKeys("com/example/cli/PetstoreServer.java", "com/example/cli/PetstoreTools.java");
    assertThat(files(out).get("com/example/cli/PetstoreServer.java"))
        .contains("package com.example.cli;")
        .contains("class PetstoreServer");
    GenerationResult direct = Generator.run(new GeneratorConfig(Specs.path("petstore.json").toString(),
        dir.resolve("direct"), PACKAGE, "petstore"));
    // issue 4: the lint table follows the summary on standard output.
    assertThat(run.out()).isEqualTo("openapi2mcp: petstore: 20 tools; files: 2 written, 0 unchanged, 0 deleted in "
        + out + System.lineSeparator() + Reports.lint("petstore", direct) + System.lineSeparator());
    assertThat(run.err()).isEmpty();
  }

  @Test
  void generateWritesExactlyWhatTheGeneratorWritesForTheSameConfig() throws Exception {
    Path template = dir.resolve("tool.txt");
    Files.writeString(template, "{{method}} {{path}} ({{operationId}})\n");
    Path viaCli = dir.resolve("cli");
    Path direct = dir.resolve("direct");
    String spec = Specs.path("naming.yaml").toString();

    Run run = run("generate", "--spec", spec, "--package", PACKAGE, "--out", viaCli.toString(),
        "--server-name", "shop", "--max-tool-name-length", "16", "--description-template", template.toString());
    Generator.run(new GeneratorConfig(spec, direct, PACKAGE, "shop", template, 16));
    Generator.run(new GeneratorConfig(spec, dir.resolve("defaults"), PACKAGE, "shop"));

    assertThat(run.status()).isEqualTo(Cli.OK);
    assertThat(files(viaCli)).isNotEmpty().isEqualTo(files(direct));
    // The options changed the output: the comparison above would not notice options that were dropped.
    assertThat(files(viaCli)).isNotEqualTo(files(dir.resolve("defaults")));
  }

  @Test
  void filtersOverridesAndTheOptionsOfIssue3ReachTheGenerator() throws Exception {
    String spec = Specs.path("customize/shop.yaml").toString();
    Path overrides = Specs.path("customize/shop-overrides.yaml");
    Path viaCli = dir.resolve("cli");
    Path direct = dir.resolve("direct");

    Run run = run("generate", "--spec", spec, "--package", PACKAGE, "--out", viaCli.toString(),
        "--include-tag", "pet", "--include-tag", "store", "--exclude-operation", "orderOptions",
        "--method", "get", "--method", "POST", "--overrides", overrides.toString(),
        "--server-url", "https://staging.shop.example.com/v1", "--file-parts", "both",
        "--schema-max-depth", "6", "--deployment-dir", dir.resolve("cli-deploy").toString());
    ToolFilter filter = new ToolFilter(Set.of("pet", "store"), null, null, Set.of("orderOptions"), null, null,
        Set.of("get", "POST"), false);
    GenerationResult expected = Generator.run(new GeneratorConfig(spec, direct, PACKAGE, "shop")
        .withEachApi(api -> api.withFilter(filter).withOverrides(overrides))
        .withServerUrl("https://staging.shop.example.com/v1")
        .withFileParts(FileParts.BOTH)
        .withSchemaBudget(new SchemaBudget(6, SchemaBudget.DEFAULT_MAX_BYTES))
        .withDeploymentDirectory(dir.resolve("direct-deploy")));
    GenerationResult plain = Generator.run(new GeneratorConfig(spec, dir.resolve("plain"), PACKAGE, "shop"));

    assertThat(run.status()).as(run.err()).isEqualTo(Cli.OK);
    assertThat(files(viaCli)).isNotEmpty().isEqualTo(files(direct));
    assertThat(files(dir.resolve("cli-deploy"))).isNotEmpty().isEqualTo(files(dir.resolve("direct-deploy")));
    // The filter took effect: the comparison above would not notice options that were dropped on both sides.
    assertThat(expected.toolCount()).isLessThan(plain.toolCount());
    assertThat(run.out()).startsWith("openapi2mcp: shop: " + expected.toolCount() + " tools;");
    assertThat(files(viaCli).get("com/example/cli/ShopServer.java")).contains("https://staging.shop.example.com/v1");
  }

  @Test
  void apiOptionsMakeACatalogWithOneOverridesFileForEveryApi() throws Exception {
    Path overrides = dir.resolve("catalog-overrides.yaml");
    Files.writeString(overrides, """
        apis:
          inventory:
            operations:
              listItems: { title: Everything in stock }
          orders:
            operations:
              createItem: { enabled: false }
        """);
    String inventory = Specs.path("catalog/inventory.yaml").toString();
    String orders = Specs.path("catalog/orders.yaml").toString();
    Path viaCli = dir.resolve("cli");

    Run run = run("generate", "--api", "inventory=" + inventory, "--api", "orders=" + orders,
        "--server-name", "shop", "--package", PACKAGE, "--out", viaCli.toString(), "--read-only",
        "--overrides", overrides.toString());
    ToolFilter readOnly = new ToolFilter(null, null, null, null, null, null, null, true);
    GenerationResult expected = Generator.run(new GeneratorConfig(List.of(
        ApiSource.of(inventory).withNamespace("inventory"), ApiSource.of(orders).withNamespace("orders")),
        dir.resolve("direct"), PACKAGE, "shop")
        .withEachApi(api -> api.withFilter(readOnly).withOverrides(overrides)));

    assertThat(run.status()).as(run.err()).isEqualTo(Cli.OK);
    assertThat(files(viaCli)).isNotEmpty().isEqualTo(files(dir.resolve("direct")));
    assertThat(files(viaCli).get("com/example/cli/ShopTools.java"))
        .contains("Everything in stock")
        .doesNotContain("\"POST\"");
    assertThat(run.out()).startsWith("openapi2mcp: shop: " + expected.toolCount() + " tools;");
  }

  @Test
  void aCatalogFilterNamingWhatOneApiLacksFailsNamingTheApi() {
    Run run = run("generate", "--api", "inventory=" + Specs.path("catalog/inventory.yaml"),
        "--api", "orders=" + Specs.path("catalog/orders.yaml"), "--server-name", "shop", "--package", PACKAGE,
        "--out", dir.resolve("gen").toString(), "--include-operation", "listItems");

    assertThat(run.status()).isEqualTo(Cli.GENERATION_FAILED);
    assertThat(run.err()).contains("unknown operationId 'listItems' in includeOperations of the filter of API orders");
    assertThat(dir.resolve("gen")).doesNotExist();
  }

  @Test
  void aFailedCatalogIsHeadedWithEveryApiNotWithTheFirstApisFileOnly() {
    String inventory = Specs.path("catalog/inventory.yaml").toString();
    String orders = Specs.path("catalog/orders.yaml").toString();
    Run run = run("lint", "--api", "inventory=" + inventory, "--api", "orders=" + orders, "--server-name", "shop",
        "--include-operation", "listItems");

    assertThat(run.status()).isEqualTo(Cli.GENERATION_FAILED);
    assertThat(run.errLines().get(0)).startsWith("openapi2mcp: lint of " + inventory + ", " + orders + " failed");
  }

  @Test
  void aMissingSpecIsReportedUnderTheOptionsNameNotTheMavenParameters() {
    Path missing = dir.resolve("missing.json");
    Run run = run("lint", "--spec", missing.toString());

    assertThat(run.status()).isEqualTo(Cli.GENERATION_FAILED);
    assertThat(run.err()).contains("OpenAPI description not found: " + missing).doesNotContain("inputSpec");
  }

  @Test
  void lintPrintsWhatGeneratePrintsAfterItsSummaryAndWritesNothing() throws Exception {
    String spec = Specs.path("customize/shop.yaml").toString();
    String[] options = {"--spec", spec, "--read-only", "--exclude-tag", "media"};
    ToolFilter filter = new ToolFilter(null, Set.of("media"), null, null, null, null, null, true);
    GenerationResult direct = Generator.lint(new GeneratorConfig(spec, dir.resolve("unused"), PACKAGE, "shop")
        .withEachApi(api -> api.withFilter(filter)));

    Run lint = run(concat(new String[] {"lint"}, options));

    assertThat(lint.status()).as(lint.err()).isEqualTo(Cli.OK);
    assertThat(lint.out()).isEqualTo(Reports.lint("shop", direct) + System.lineSeparator());
    assertThat(lint.errLines()).containsExactlyElementsOf(
        direct.warnings().stream().map(d -> "openapi2mcp: warning: " + d).toList());
    assertThat(files(dir)).isEmpty();
    Run generate = run(concat(new String[] {"generate", "--package", PACKAGE, "--out", dir.resolve("gen").toString()},
        options));
    List<String> generated = generate.out().lines().toList();
    assertThat(lint.out().lines().toList()).isEqualTo(generated.subList(1, generated.size()));
    assertThat(lint.out()).contains("total: " + direct.toolCount() + " tools");
  }

  @Test
  void lintWritesTheReportFilesWhenAskedAndSaysWhere() throws Exception {
    String spec = Specs.path("petstore.json").toString();
    Path reports = dir.resolve("reports");
    Generator.lint(new GeneratorConfig(spec, dir.resolve("unused"), PACKAGE, "petstore")
        .withReportDirectory(dir.resolve("direct")));

    Run run = run("lint", "--spec", spec, "--report-dir", reports.toString());

    assertThat(run.status()).as(run.err()).isEqualTo(Cli.OK);
    assertThat(files(reports)).containsOnlyKeys("lint.md", "tools-list.json").isEqualTo(files(dir.resolve("direct")));
    assertThat(run.out().lines().toList()).last().isEqualTo("openapi2mcp: lint report: "
        + reports.resolve("lint.md") + ", " + reports.resolve("tools-list.json"));
  }

  @Test
  void lintOverTheTokenBudgetExitsOneNamingTheLargestToolsAndStillWritesTheReport() throws Exception {
    String spec = Specs.path("petstore.json").toString();
    Path reports = dir.resolve("reports");

    Run run = run("lint", "--spec", spec, "--token-budget", "100", "--report-dir", reports.toString());

    assertThat(run.status()).isEqualTo(Cli.GENERATION_FAILED);
    assertThat(run.errLines().get(0)).isEqualTo("openapi2mcp: lint of " + spec + " failed with 1 error:");
    assertThat(run.err()).contains("over the token budget of 100; largest tools: ");
    assertThat(run.out()).isEmpty();
    assertThat(files(reports)).containsOnlyKeys("lint.md", "tools-list.json");
    assertThat(files(reports).get("lint.md")).contains("(EXCEEDED)");
  }

  @Test
  void lintOfAnInvalidSpecExitsOneListingEveryDiagnostic() {
    String spec = Specs.path("invalid/several-errors.yaml").toString();

    Run lint = run("lint", "--spec", spec);
    Run generate = run("generate", "--spec", spec, "--package", PACKAGE, "--out", dir.resolve("gen").toString());

    assertThat(lint.status()).isEqualTo(Cli.GENERATION_FAILED);
    assertThat(lint.errLines().get(0)).isEqualTo(generate.errLines().get(0).replace("generation from ", "lint of "));
    assertThat(lint.errLines()).hasSizeGreaterThan(1);
    assertThat(lint.errLines().subList(1, lint.errLines().size()))
        .isEqualTo(generate.errLines().subList(1, generate.errLines().size()));
    assertThat(lint.out()).isEmpty();
  }

  @Test
  void lintWithAnOptionOfGenerateAloneExitsTwoNamingIt() {
    Run run = run("lint", "--spec", Specs.path("petstore.json").toString(), "--out", dir.resolve("gen").toString());

    assertThat(run.status()).isEqualTo(Cli.USAGE_ERROR);
    assertThat(run.errLines()).first()
        .isEqualTo("openapi2mcp: option --out is for generate only: lint writes no sources");
    assertThat(dir.resolve("gen")).doesNotExist();
  }

  @Test
  void lintWithoutSpecExitsTwoNamingTheAlternatives() {
    Run run = run("lint", "--read-only");

    assertThat(run.status()).isEqualTo(Cli.USAGE_ERROR);
    assertThat(run.errLines()).first().isEqualTo("openapi2mcp: missing required option --spec or --api");
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  @Test
  void aSecondRunReportsTheFilesUnchanged() {
    String[] args = {"generate", "--spec", Specs.path("petstore.json").toString(), "--package", PACKAGE,
        "--out", dir.resolve("gen").toString()};
    run(args);

    Run again = run(args);

    assertThat(again.status()).isEqualTo(Cli.OK);
    assertThat(again.out()).contains("files: 0 written, 2 unchanged, 0 deleted");
  }

  @Test
  void warningsGoToStandardErrorWithTheirLocation() throws Exception {
    String spec = Specs.path("no-operations.yaml").toString();
    List<Diagnostic> expected = Generator.run(new GeneratorConfig(spec, dir.resolve("direct"), PACKAGE, "empty"))
        .warnings();

    Run run = run("generate", "--spec", spec, "--package", PACKAGE, "--out", dir.resolve("gen").toString());

    assertThat(expected).isNotEmpty();
    assertThat(run.status()).isEqualTo(Cli.OK);
    assertThat(run.errLines()).containsExactlyElementsOf(
        expected.stream().map(d -> "openapi2mcp: warning: " + d).toList());
    assertThat(run.errLines()).first().asString().contains(spec + "#/paths: ");
    assertThat(run.out()).startsWith("openapi2mcp: no-operations: 0 tools;");
  }

  @Test
  void anInvalidSpecExitsOneListingEveryDiagnosticAndWritesNothing() {
    String spec = Specs.path("invalid/several-errors.yaml").toString();
    Path out = dir.resolve("gen");
    GenerationException direct = null;
    try {
      Generator.run(new GeneratorConfig(spec, dir.resolve("direct"), PACKAGE, "x"));
    } catch (GenerationException e) {
      direct = e;
    }

    Run run = run("generate", "--spec", spec, "--package", PACKAGE, "--out", out.toString());

    assertThat(direct).as("the spec is invalid").isNotNull();
    assertThat(run.status()).isEqualTo(Cli.GENERATION_FAILED);
    long errors = direct.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    assertThat(run.errLines().get(0))
        .isEqualTo("openapi2mcp: generation from " + spec + " failed with " + errors + " errors:");
    assertThat(run.errLines().subList(1, run.errLines().size())).containsExactlyInAnyOrderElementsOf(
        direct.diagnostics().stream().map(d -> "  " + d.severity() + " " + d).toList());
    assertThat(run.out()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void anInvalidPackageNameIsAGenerationFailure() {
    Run run = run("generate", "--spec", Specs.path("petstore.json").toString(), "--package", "com.example.class",
        "--out", dir.resolve("gen").toString());

    assertThat(run.status()).isEqualTo(Cli.GENERATION_FAILED);
    assertThat(run.err()).contains("ERROR packageName 'com.example.class' is not a Java package name");
  }

  @Test
  void aUsageErrorExitsTwoNamingTheOptionAndWritesNothing() {
    Path out = dir.resolve("gen");

    Run run = run("generate", "--spec", Specs.path("petstore.json").toString(), "--pakage", PACKAGE,
        "--out", out.toString());

    assertThat(run.status()).isEqualTo(Cli.USAGE_ERROR);
    assertThat(run.errLines()).containsExactly("openapi2mcp: unknown option '--pakage'",
        "Run 'java -jar openapi2mcp-cli.jar --help' for the options.");
    assertThat(run.out()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void aMissingRequiredOptionExitsTwo() {
    Run run = run("generate", "--spec", Specs.path("petstore.json").toString(), "--package", PACKAGE);

    assertThat(run.status()).isEqualTo(Cli.USAGE_ERROR);
    assertThat(run.errLines()).first().isEqualTo("openapi2mcp: missing required option --out");
  }

  @Test
  void aMissingValueExitsTwo() {
    Run run = run("generate", "--spec", Specs.path("petstore.json").toString(), "--package", PACKAGE, "--out");

    assertThat(run.status()).isEqualTo(Cli.USAGE_ERROR);
    assertThat(run.errLines()).first().isEqualTo("openapi2mcp: option --out needs a value: --out DIR");
  }

  @Test
  void anUnknownCommandExitsTwoNamingIt() {
    Run run = run("generte", "--spec", "a.json");

    assertThat(run.status()).isEqualTo(Cli.USAGE_ERROR);
    assertThat(run.errLines()).first().isEqualTo("openapi2mcp: unknown command 'generte'");
  }

  @Test
  void anOptionBeforeTheCommandExitsTwoNamingIt() {
    Run run = run("--spec", "a.json", "generate");

    assertThat(run.status()).isEqualTo(Cli.USAGE_ERROR);
    assertThat(run.errLines()).first()
        .isEqualTo("openapi2mcp: unknown option '--spec': options go after the command, e.g. generate --spec");
  }

  @Test
  void noArgumentsExitTwoNamingTheCommandsAndPointingToHelp() {
    Run run = run();

    assertThat(run.status()).isEqualTo(Cli.USAGE_ERROR);
    assertThat(run.errLines()).containsExactly("openapi2mcp: missing command: generate or lint",
        "Run 'java -jar openapi2mcp-cli.jar --help' for the options.");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void helpInEveryFormPrintsTheUsageAndExitsZero() {
    for (String[] args : List.of(new String[] {"help"}, new String[] {"--help"}, new String[] {"-h"},
        new String[] {"generate", "--help"}, new String[] {"lint", "--help"}, new String[] {"generate", "--spec", "a.json", "-h"})) {
      Run run = run(args);

      assertThat(run.status()).as("%s", List.of(args)).isEqualTo(Cli.OK);
      assertThat(run.out()).as("%s", List.of(args)).isEqualTo(Usage.text());
      assertThat(run.err()).as("%s", List.of(args)).isEmpty();
    }
  }

  @Test
  void theUsageListsEveryOptionOfTheTable() {
    List<String> lines = Usage.text().lines().toList();

    for (Option<GenerateOptions> option : GenerateOptions.TABLE) {
      String first = lines.stream().filter(line -> line.startsWith("  " + option.synopsis() + " ")).findFirst()
          .orElseThrow(() -> new AssertionError("the usage does not list " + option.synopsis()));
      assertThat(first.matches(".* (generate only, )?required(, repeatable)?: .*"))
          .as("%s marked as required", option.name()).isEqualTo(option.required());
      assertThat(first.matches(".* (required, )?repeatable: .*"))
          .as("%s marked as repeatable", option.name()).isEqualTo(option.repeatable());
      assertThat(first.contains(" generate only"))
          .as("%s marked as generate only", option.name()).isEqualTo(!GenerateOptions.LINT_TABLE.contains(option));
    }
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
  }

  @Test
  void versionPrintsTheProjectVersion() {
    String version = System.getProperty("project.version");

    Run run = run("--version");

    assertThat(version).as("project.version set by the build").isNotBlank();
    assertThat(run.status()).isEqualTo(Cli.OK);
    assertThat(run.out()).isEqualTo("openapi2mcp " + version + System.lineSeparator());
  }
}
