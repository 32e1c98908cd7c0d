package dev.openapi2mcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.generator.ApiSource;
import dev.openapi2mcp.generator.GenerationResult;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.Reports;
import dev.openapi2mcp.generator.ToolFilter;
import dev.openapi2mcp.generator.testing.Specs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code openapi2mcp-cli.jar} run as {@code java -jar} in a fresh process: nothing on the class path
 * but the jar itself, so every dependency (swagger-parser and its service-loaded Swagger 2.0 converter, the
 * templates, the logging backend) must be inside it.
 */
class CliJarIT {
  private static final String PACKAGE = "com.example.jar";

  private static Path jar;

  @TempDir
  Path work;

  record Run(int status, String out, String err) {}

  @BeforeAll
  static void findJar() {
    String location = System.getProperty("cli.jar");
    assertThat(location).as("system property cli.jar (set by failsafe)").isNotBlank();
    jar = Path.of(location);
    assertThat(jar).as("the shaded jar; run after package").isRegularFile();
  }

  private Run runJar(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    Collections.addAll(command, args);
    Path out = Files.createTempFile(work, "stdout", ".txt");
    Path err = Files.createTempFile(work, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    // Neither may add to the class path or to stderr ("Picked up JAVA_TOOL_OPTIONS").
    builder.environment().remove("CLASSPATH");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the CLI did not finish within 120 s: " + command);
    }
    Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  private Path copySpec(String name) throws IOException {
    Path target = work.resolve(Path.of(name).getFileName().toString());
    Files.copy(Specs.path(name), target);
    return target;
  }

  @Test
  void generatesWithRelativePathsWhatTheGeneratorWritesInProcess() throws Exception {
    Path spec = copySpec("petstore.json");
    GenerationResult direct = Generator.run(new GeneratorConfig(spec.toString(), work.resolve("direct"), PACKAGE,
        "petstore"));

    Run run = runJar("generate", "--spec", "petstore.json", "--package", PACKAGE, "--out", "gen");

    assertThat(run.status()).as(run.err()).isEqualTo(Cli.OK);
    // issue 4: the lint table follows the summary.
    assertThat(run.out()).isEqualTo("openapi2mcp: petstore: 20 tools; files: 2 written, 0 unchanged, 0 deleted in gen"
        + System.lineSeparator() + Reports.lint("petstore", direct) + System.lineSeparator());
    assertThat(run.err()).as("nothing on stderr, not even a logging backend's complaint").isEmpty();
    assertThat(CliTest.files(work.resolve("gen")))
        .containsOnlyKeys("com/example/jar/PetstoreServer.java", "com/example/jar/PetstoreTools.java")
        .isEqualTo(CliTest.files(work.resolve("direct")));
  }

  @Test
  void convertsSwagger2WithTheServiceLoadedConverter() throws Exception {
    Path spec = copySpec("swagger2.yaml");
    Generator.run(new GeneratorConfig(spec.toString(), work.resolve("direct"), PACKAGE, "legacy"));

    Run run = runJar("generate", "--spec=swagger2.yaml", "--package=" + PACKAGE, "--out=gen", "--server-name=legacy");

    assertThat(run.status()).as(run.err()).isEqualTo(Cli.OK);
    assertThat(run.out()).startsWith("openapi2mcp: legacy: 1 tool;");
    assertThat(CliTest.files(work.resolve("gen"))).isNotEmpty().isEqualTo(CliTest.files(work.resolve("direct")));
  }

  @Test
  void lintsWithAFilterPrintingTheTableAndWritingTheReport() throws Exception {
    Path spec = copySpec("petstore.json");
    ToolFilter readOnly = new ToolFilter(null, null, null, null, null, null, null, true);
    GenerationResult direct = Generator.lint(new GeneratorConfig(spec.toString(), work.resolve("unused"), PACKAGE,
        "petstore").withEachApi(api -> api.withFilter(readOnly)));
    GenerationResult unfiltered = Generator.lint(new GeneratorConfig(spec.toString(), work.resolve("unused"),
        PACKAGE, "petstore"));

    Run run = runJar("lint", "--spec", "petstore.json", "--read-only", "--report-dir", "reports");

    assertThat(run.status()).as(run.err()).isEqualTo(Cli.OK);
    Path reports = Path.of("reports");
    assertThat(run.out()).isEqualTo(Reports.lint("petstore", direct) + System.lineSeparator()
        + "openapi2mcp: lint report: " + reports.resolve("lint.md") + ", " + reports.resolve("tools-list.json")
        + System.lineSeparator());
    assertThat(run.err()).isEmpty();
    JsonNode tools = new ObjectMapper().readTree(work.resolve("reports/tools-list.json").toFile()).get("tools");
    assertThat(tools).hasSize(direct.toolCount()).allSatisfy(tool ->
        assertThat(tool.at("/annotations/readOnlyHint").asBoolean()).as("%s", tool.get("name")).isTrue());
    assertThat(direct.toolCount()).isLessThan(unfiltered.toolCount());
    assertThat(work.resolve("gen")).doesNotExist();
  }

  @Test
  void lintOverTheTokenBudgetExitsOne() throws Exception {
    copySpec("petstore.json");

    Run run = runJar("lint", "--spec", "petstore.json", "--token-budget", "100");

    assertThat(run.status()).isEqualTo(Cli.GENERATION_FAILED);
    assertThat(run.err()).startsWith("openapi2mcp: lint of petstore.json failed with 1 error:")
        .contains("over the token budget of 100");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void generatesACatalogFromApiOptions() throws Exception {
    Path inventory = copySpec("catalog/inventory.yaml");
    Path orders = copySpec("catalog/orders.yaml");
    Generator.run(new GeneratorConfig(List.of(ApiSource.of(inventory.toString()).withNamespace("inventory"),
        ApiSource.of(orders.toString()).withNamespace("orders")), work.resolve("direct"), PACKAGE, "shop"));

    Run run = runJar("generate", "--api", "inventory=inventory.yaml", "--api=orders=orders.yaml",
        "--server-name", "shop", "--package", PACKAGE, "--out", "gen");

    assertThat(run.status()).as(run.err()).isEqualTo(Cli.OK);
    assertThat(CliTest.files(work.resolve("gen"))).isNotEmpty().isEqualTo(CliTest.files(work.resolve("direct")));
  }

  @Test
  void anInvalidSpecExitsOne() throws Exception {
    copySpec("invalid/several-errors.yaml");

    Run run = runJar("generate", "--spec", "several-errors.yaml", "--package", PACKAGE, "--out", "gen");

    assertThat(run.status()).isEqualTo(Cli.GENERATION_FAILED);
    assertThat(run.err()).startsWith("openapi2mcp: generation from several-errors.yaml failed with 5 errors:");
    assertThat(work.resolve("gen")).doesNotExist();
  }

  @Test
  void aUsageErrorExitsTwo() throws Exception {
    Run run = runJar("generate", "--spec", "a.json", "--out");

    assertThat(run.status()).isEqualTo(Cli.USAGE_ERROR);
    assertThat(run.err()).startsWith("openapi2mcp: option --out needs a value");
  }

  @Test
  void helpAndVersion() throws Exception {
    Run help = runJar("--help");
    Run version = runJar("--version");

    assertThat(help.status()).isEqualTo(Cli.OK);
    assertThat(help.out()).isEqualTo(Usage.text());
    assertThat(version.status()).isEqualTo(Cli.OK);
    assertThat(version.out().strip()).isEqualTo("openapi2mcp " + System.getProperty("project.version"));
  }

  @Test
  void theJarNamesItsMainClassAndCarriesNoClassPathNorSignatures() throws Exception {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      assertThat(manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS)).isEqualTo(Main.class.getName());
      assertThat(manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH)).isNull();
      assertThat(file.stream().map(JarEntry::getName))
          .noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"))
          .contains("io/swagger/v3/parser/OpenAPIV3Parser.class", "openapi2mcp/templates/tool-description.txt");
    }
  }

  @Test
  void theModuleJarStaysTheModuleAlone() throws Exception {
    Path moduleJar = Path.of(System.getProperty("module.jar"));
    try (JarFile file = new JarFile(moduleJar.toFile())) {
      assertThat(file.stream().map(JarEntry::getName))
          .contains("dev/openapi2mcp/generator/Generator.class")
          .noneMatch(name -> name.startsWith("io/swagger/") || name.startsWith("org/slf4j/"));
    }
  }
}
