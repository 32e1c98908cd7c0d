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
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a description built to exhaust the generator is refused quickly, with an error naming the file, the
 * place and the limit: YAML aliases that expand into billions of nodes ("billion laughs"), also with few aliases
 * that double at each level; a YAML text past the parser's length limit, whose long scalar the parser scans in
 * quadratic time; a file too large to read; a JSON string past the JSON parser's limit. Before these limits the
 * first three ran for minutes (or until the heap was gone). The timeouts only show that the work is bounded.
 */
class HostileDocumentTest {
  private static final String HEAD = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";
  private static final String OPERATION =
      "paths:\n  /x:\n    get:\n      operationId: getX\n      responses: {'200': {description: ok}}\n";

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private List<Diagnostic> errors(Path spec) {
    GeneratorConfig config = new GeneratorConfig(spec.toString(), dir.resolve("out"), Specs.PACKAGE, "hostile");
    GenerationException e = catchThrowableOfType(GenerationException.class, () -> Generator.run(config));
    assertThat(e).as("the run fails").isNotNull();
    assertThat(dir.resolve("out")).doesNotExist();
    return e.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
  }

  /** Nine levels of nine aliases: 9^9 strings once expanded. */
  static String billionLaughs() {
    StringBuilder yaml = new StringBuilder(HEAD)
        .append("x-lol:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    String previous = "a";
    for (char level = 'b'; level <= 'i'; level++) {
      yaml.append("  ").append(level).append(": &").append(level).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i > 0 ? ", " : "").append('*').append(previous);
      }
      yaml.append("]\n");
      previous = String.valueOf(level);
    }
    return yaml.append(OPERATION).toString();
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void billionLaughsIsRefusedNamingTheAliasAndTheLimit() throws IOException {
    Path spec = write("laughs.yaml", billionLaughs());

    List<Diagnostic> errors = errors(spec);

    assertThat(errors).hasSize(1);
    Diagnostic error = errors.get(0);
    assertThat(error.file()).isEqualTo(spec.toString());
    assertThat(error.pointer()).isEqualTo("/x-lol/g/2");
    assertThat(error.message()).startsWith("YAML line 10, column 18: the alias *f expands to 597871 nodes, taking the"
        + " document past 2000000 nodes once its aliases are expanded");
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void fewAliasesThatDoubleAtEachLevelAreRefusedToo() throws IOException {
    // 48 aliases, under SnakeYAML's own default of 50, yet 2^25 nodes: the limit is on the expansion, not the count.
    StringBuilder yaml = new StringBuilder(HEAD).append("components:\n  schemas:\n    S0: &s0 {type: string}\n");
    for (int i = 1; i <= 24; i++) {
      yaml.append("    S").append(i).append(": &s").append(i).append(" {type: object, properties: {l: *s")
          .append(i - 1).append(", r: *s").append(i - 1).append("}}\n");
    }
    Path spec = write("doubling.yaml", yaml.append(OPERATION).toString());

    List<Diagnostic> errors = errors(spec);

    assertThat(errors).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEqualTo("/components/schemas/S17/properties/r");
      assertThat(error.message()).contains("the alias *s16 expands to ").contains("past 2000000 nodes");
    });
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void anAliasInsideTheNodeItNamesIsRefused() throws IOException {
    Path spec = write("recursive.yaml", HEAD + "x-loop: &loop {again: *loop}\n" + OPERATION);

    assertThat(errors(spec)).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEqualTo("/x-loop/again");
      assertThat(error.message()).endsWith("the alias *loop refers to a node that contains it; a description must be"
          + " a tree, not a cycle");
    });
  }

  @Test
  void aliasesWithinTheLimitAreExpandedAsUsual() throws Exception {
    Path spec = write("anchors.yaml", HEAD + "paths:\n  /x:\n    get:\n      operationId: getX\n"
        + "      parameters:\n        - &limit {name: limit, in: query, schema: {type: integer}}\n"
        + "      responses: {'200': {description: ok}}\n  /y:\n    get:\n      operationId: getY\n"
        + "      parameters: [*limit]\n      responses: {'200': {description: ok}}\n");

    GeneratedServer server = GeneratedServer.of(new GeneratorConfig(spec.toString(), dir.resolve("out"),
        Specs.PACKAGE, "anchors"));

    assertThat(server.tool("getY").http().parameters()).extracting(p -> p.name()).containsExactly("limit");
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aYamlTextBeyondTheParsersLimitIsRefusedBeforeItIsParsed() throws IOException {
    Path spec = write("long.yaml", HEAD.replace("version: '1'}", "version: '1', description: "
        + "x".repeat(4_000_000) + "}") + OPERATION);

    assertThat(errors(spec)).singleElement().satisfies(error -> {
      assertThat(error.file()).isEqualTo(spec.toString());
      assertThat(error.message()).startsWith("the YAML text has 4000").contains("code points; YAML is read up to"
          + " 3145728 (raise it with -DmaxYamlCodePoints=N, or give the description as JSON)");
    });
  }

  @Test
  void aJsonStringBeyondTheParsersLimitIsNamed() throws IOException {
    Path spec = write("long.json",
        "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"t\",\"version\":\"1\",\"description\":\""
        + "x".repeat(20_000_001) + "\"},\"paths\":{}}");

    assertThat(errors(spec)).singleElement().satisfies(error -> {
      assertThat(error.file()).isEqualTo(spec.toString());
      assertThat(error.message()).startsWith("the JSON parser's limit is exceeded: String value length")
          .contains("exceeds the maximum allowed (20000000, from `StreamReadConstraints.getMaxStringLength()`)");
    });
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFileLargerThanTheLimitIsNotRead() throws IOException {
    Path spec = dir.resolve("huge.json");
    try (RandomAccessFile file = new RandomAccessFile(spec.toFile(), "rw")) {
      file.setLength(DocumentLimits.MAX_BYTES + 1); // sparse: nothing is written, and nothing may be read
    }

    assertThat(errors(spec)).singleElement().satisfies(error -> {
      assertThat(error.file()).isEqualTo(spec.toString());
      assertThat(error.message()).isEqualTo("the file is 67108865 bytes; a description file may have at most"
          + " 67108864 bytes (64 MiB)");
    });
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aReferencedFileIsHeldToTheSameLimits() throws IOException {
    write("laughs.yaml", billionLaughs().replace(OPERATION, "") + "Thing: {type: string}\n");
    Path spec = write("main.yaml", HEAD + "paths:\n  /x:\n    get:\n      operationId: getX\n      responses:\n"
        + "        '200': {description: ok, content: {application/json: {schema: {$ref: 'laughs.yaml#/Thing'}}}}\n");

    assertThat(errors(spec)).singleElement().satisfies(error -> {
      assertThat(error.file()).isEqualTo(dir.resolve("laughs.yaml").toString());
      assertThat(error.pointer()).isEqualTo("/x-lol/g/2");
      assertThat(error.message()).contains("the alias *f expands to 597871 nodes");
    });
  }
}
