package dev.openapi2mcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.generator.testing.Specs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code target/openapi2mcp} (issue 6), run from a copy beside a copy of the shaded jar: the first run
 * records the class-data sharing archive, later runs map it, and every run writes the same sources as
 * {@code java -jar}.
 */
class CliLauncherIT {
  @TempDir
  Path work;

  private Path launcher;
  private Path jar;

  record Run(int status, String out, String err) {}

  @BeforeEach
  void copyLauncherAndJar() throws IOException {
    Path bin = Files.createDirectories(work.resolve("bin"));
    launcher = bin.resolve("openapi2mcp");
    jar = bin.resolve("openapi2mcp-cli.jar");
    Files.copy(Path.of(System.getProperty("cli.launcher")), launcher);
    Files.copy(Path.of(System.getProperty("cli.jar")), jar);
    launcher.toFile().setExecutable(true);
    Files.copy(Specs.path("petstore.json"), work.resolve("petstore.json"));
  }

  private Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    Collections.addAll(command, args);
    return start(command, environment);
  }

  private Run start(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
    Path out = Files.createTempFile(work, "stdout", ".txt");
    Path err = Files.createTempFile(work, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("did not finish within 120 s: " + command);
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private String[] generate(String out) {
    return new String[] {"generate", "--spec", "petstore.json", "--package", "com.example.launched", "--out", out};
  }

  @Test
  void firstRunRecordsTheArchiveAndLaterRunsWriteTheSameSources() throws Exception {
    Path archive = work.resolve("bin/openapi2mcp-cli.jar.jsa");

    Run first = run(Map.of(), generate("first"));
    assertThat(first.status()).as(first.err()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(archive).isNotEmptyFile();
    try (Stream<Path> files = Files.list(work.resolve("bin"))) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .as("no partial archive is left behind")
          .containsExactlyInAnyOrder("openapi2mcp", "openapi2mcp-cli.jar", "openapi2mcp-cli.jar.jsa");
    }
    long recorded = Files.getLastModifiedTime(archive).toMillis();

    Run second = run(Map.of(), generate("second"));
    assertThat(second.status()).as(second.err()).isZero();
    assertThat(second.err()).isEmpty();
    assertThat(second.out()).isEqualTo(first.out().replace(" first", " second"));
    assertThat(Files.getLastModifiedTime(archive).toMillis()).as("the archive is mapped, not recorded again")
        .isEqualTo(recorded);

    List<String> javaJar = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    Collections.addAll(javaJar, generate("plain"));
    Run plain = start(javaJar, Map.of());
    assertThat(plain.status()).as(plain.err()).isZero();
    for (String file : List.of("PetstoreServer.java", "PetstoreTools.java")) {
      Path relative = Path.of("com/example/launched", file);
      Path expected = work.resolve("plain").resolve(relative);
      assertThat(work.resolve("first").resolve(relative)).hasSameBinaryContentAs(expected);
      assertThat(work.resolve("second").resolve(relative)).hasSameBinaryContentAs(expected);
    }
  }

  @Test
  void anArchiveSetToOffIsNeverWritten() throws Exception {
    Run run = run(Map.of("OPENAPI2MCP_CDS_ARCHIVE", "off"), generate("out"));

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(work.resolve("bin/openapi2mcp-cli.jar.jsa")).doesNotExist();
    assertThat(work.resolve("out/com/example/launched/PetstoreServer.java")).isRegularFile();
  }

  @Test
  void aFailingRunKeepsItsExitStatus() throws Exception {
    Run run = run(Map.of(), "generate", "--spec", "missing.json", "--package", "com.example", "--out", "out");

    assertThat(run.status()).isNotZero();
    assertThat(run.err()).contains("missing.json");
  }

  @Test
  void aMissingJarIsNamed() throws Exception {
    Files.delete(jar);

    Run run = run(Map.of(), "--version");

    assertThat(run.status()).isEqualTo(127);
    assertThat(run.err()).contains("openapi2mcp-cli.jar not found");
  }
}
