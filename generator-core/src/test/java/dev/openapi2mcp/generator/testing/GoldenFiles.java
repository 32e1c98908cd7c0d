package dev.openapi2mcp.generator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares a generated tree with golden files under {@code src/test/resources/golden/NAME}.
 *
 * <p>Run with {@code -Dgolden.update=true} to rewrite the goldens from the current output instead (then review
 * the diff and commit it). Without it, any difference in the file set or in any byte fails.
 */
public final class GoldenFiles {
  private static final Path GOLDEN_ROOT = Path.of("src", "test", "resources", "golden");

  private GoldenFiles() {}

  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  public static void assertMatches(String name, Path actualRoot) {
    Path golden = GOLDEN_ROOT.resolve(name);
    try {
      if (updating()) {
        rewrite(golden, actualRoot);
        return;
      }
      assertThat(golden).as("golden directory %s; create it with -Dgolden.update=true", golden).isDirectory();
      List<Path> expectedFiles = files(golden);
      List<Path> actualFiles = files(actualRoot);
      assertThat(actualFiles).as("generated files vs golden files in %s", golden).isEqualTo(expectedFiles);
      for (Path file : expectedFiles) {
        String expected = Files.readString(golden.resolve(file), StandardCharsets.UTF_8);
        String actual = Files.readString(actualRoot.resolve(file), StandardCharsets.UTF_8);
        assertThat(actual).as("%s differs from its golden file (-Dgolden.update=true rewrites it)", file)
            .isEqualTo(expected);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void rewrite(Path golden, Path actualRoot) throws IOException {
    if (Files.exists(golden)) {
      try (Stream<Path> walk = Files.walk(golden)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    for (Path file : files(actualRoot)) {
      Path target = golden.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(actualRoot.resolve(file), target);
    }
  }

  /** Regular files below {@code root}, relative to it, sorted. */
  public static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
