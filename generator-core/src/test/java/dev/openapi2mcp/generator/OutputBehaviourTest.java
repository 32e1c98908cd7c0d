package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.generator.testing.GoldenFiles;
import dev.openapi2mcp.generator.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Determinism, incremental writes, stale files and atomicity of the output directory. */
class OutputBehaviourTest {
  /** Far in the past, so that any rewrite shows in the modification time whatever the clock's resolution. */
  private static final FileTime OLD = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

  private static final Path SERVER = Path.of("com/example/gen/PetstoreServer.java");
  private static final Path TOOLS = Path.of("com/example/gen/PetstoreTools.java");

  @TempDir
  Path dir;

  private Path out() {
    return dir.resolve("generated");
  }

  private GenerationResult generate(Path out) throws GenerationException {
    return Specs.generate("petstore.json", out, "petstore");
  }

  private static Map<Path, byte[]> snapshot(Path root) throws IOException {
    Map<Path, byte[]> files = new HashMap<>();
    for (Path file : GoldenFiles.files(root)) {
      files.put(file, Files.readAllBytes(root.resolve(file)));
    }
    return files;
  }

  private static void age(Path root) throws IOException {
    for (Path file : GoldenFiles.files(root)) {
      Files.setLastModifiedTime(root.resolve(file), OLD);
    }
  }

  private static void assertAllOld(Path root) throws IOException {
    for (Path file : GoldenFiles.files(root)) {
      assertThat(Files.getLastModifiedTime(root.resolve(file))).as("mtime of %s", file).isEqualTo(OLD);
    }
  }

  @Test
  void twoRunsGiveByteIdenticalTrees() throws Exception {
    generate(dir.resolve("a"));
    generate(dir.resolve("b"));

    Map<Path, byte[]> a = snapshot(dir.resolve("a"));
    Map<Path, byte[]> b = snapshot(dir.resolve("b"));
    assertThat(a.keySet()).containsExactlyInAnyOrderElementsOf(b.keySet()).containsExactlyInAnyOrder(SERVER, TOOLS);
    a.forEach((file, bytes) -> assertThat(b.get(file)).as("%s", file).isEqualTo(bytes));
  }

  @Test
  void aSecondRunIntoTheSameDirectoryWritesNothing() throws Exception {
    generate(out());
    age(out());

    GenerationResult second = generate(out());

    assertThat(second.written()).isEmpty();
    assertThat(second.deleted()).isEmpty();
    assertThat(second.unchanged()).containsExactly(SERVER, TOOLS);
    assertAllOld(out());
  }

  @Test
  void onlyChangedFilesAreRewritten(@TempDir Path templates) throws Exception {
    generate(out());
    age(out());
    Path template = templates.resolve("description.txt");
    Files.writeString(template, "{{summary}}");

    GenerationResult second = Generator.run(new GeneratorConfig(Specs.path("petstore.json").toString(), out(),
        Specs.PACKAGE, "petstore", template, 64));

    assertThat(second.written()).containsExactly(TOOLS);
    assertThat(second.unchanged()).containsExactly(SERVER);
    assertThat(Files.getLastModifiedTime(out().resolve(SERVER))).isEqualTo(OLD);
    assertThat(Files.getLastModifiedTime(out().resolve(TOOLS))).isNotEqualTo(OLD);
  }

  @Test
  void staleJavaFilesAreDeletedAndOtherFilesKept() throws Exception {
    Path stale = out().resolve("com/example/old/RemovedTools.java");
    Path alsoStale = out().resolve("com/example/gen/OldServer.java");
    Path notes = out().resolve("notes.txt");
    Files.createDirectories(stale.getParent());
    Files.createDirectories(alsoStale.getParent());
    Files.writeString(stale, "class RemovedTools {}");
    Files.writeString(alsoStale, "class OldServer {}");
    Files.writeString(notes, "kept");

    GenerationResult result = generate(out());

    assertThat(result.deleted()).containsExactly(Path.of("com/example/gen/OldServer.java"),
        Path.of("com/example/old/RemovedTools.java"));
    assertThat(stale).doesNotExist();
    assertThat(stale.getParent()).as("emptied package directory").doesNotExist();
    assertThat(alsoStale).doesNotExist();
    assertThat(notes).hasContent("kept");
    assertThat(GoldenFiles.files(out())).containsExactlyInAnyOrder(SERVER, TOOLS, Path.of("notes.txt"));
  }

  @Test
  void aFailingRunLeavesTheOutputAsItWas() throws Exception {
    generate(out());
    Path stale = out().resolve("com/example/gen/Stale.java");
    Files.writeString(stale, "class Stale {}");
    age(out());
    Map<Path, byte[]> before = snapshot(out());

    assertThatThrownBy(() -> Specs.generate("invalid/several-errors.yaml", out(), "petstore"))
        .isInstanceOf(GenerationException.class);

    Map<Path, byte[]> after = snapshot(out());
    assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(before.keySet());
    before.forEach((file, bytes) -> assertThat(after.get(file)).as("%s", file).isEqualTo(bytes));
    assertAllOld(out());
  }

  @Test
  void leavesNoTemporaryDirectoryBehind() throws Exception {
    generate(out());
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings.toList()).containsExactly(out());
    }
  }

  @Test
  void refusesAnOutputDirectoryThatIsAFile() throws Exception {
    Files.writeString(out(), "not a directory");

    assertThatThrownBy(() -> generate(out()))
        .isInstanceOf(GenerationException.class)
        .hasMessageContaining("outputDirectory is not a directory");
    assertThat(out()).hasContent("not a directory");
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings.toList()).isEqualTo(List.of(out()));
    }
  }
}
