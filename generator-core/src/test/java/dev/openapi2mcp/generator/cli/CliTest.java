package dev.openapi2mcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.GenerationResult;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.Reports;
import dev.openapi2mcp.generator.testing.Specs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
  void noArgumentsExitTwoWithTheUsageOnStandardError() {
    Run run = run();

    assertThat(run.status()).isEqualTo(Cli.USAGE_ERROR);
    assertThat(run.err()).isEqualTo("openapi2mcp: missing command" + System.lineSeparator() + Usage.text());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void helpInEveryFormPrintsTheUsageAndExitsZero() {
    for (String[] args : List.of(new String[] {"help"}, new String[] {"--help"}, new String[] {"-h"},
        new String[] {"generate", "--help"}, new String[] {"generate", "--spec", "a.json", "-h"})) {
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
      assertThat(first.contains(" required: ")).as("%s marked as required", option.name())
          .isEqualTo(option.required());
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
