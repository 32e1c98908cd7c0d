package dev.openapi2mcp.generator.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Writes a new Maven project that builds a runnable MCP server: {@code pom.xml} ({@link ProjectPom}) and the spec
 * copied to {@code src/main/openapi/}. {@code mvn package} in it then makes {@code target/NAME-mcp-server.jar}.
 *
 * <p>Invariant: it never overwrites anything. A directory that exists and is not empty is refused before anything
 * is written.
 */
final class NewProject {

  /** Where the spec goes, relative to the project directory; the pom's {@code inputSpec} points there. */
  static final String SPEC_DIRECTORY = "src/main/openapi";

  private NewProject() {}

  /**
   * Creates the project.
   *
   * @throws ProjectException when the directory is not empty, the spec is not a readable file, or writing fails
   */
  static void create(Path directory, Path spec, ProjectSettings settings) throws ProjectException {
    if (!Files.isRegularFile(spec) || !Files.isReadable(spec)) {
      throw new ProjectException("--spec '" + spec + "' is not a readable file");
    }
    String pom = ProjectPom.render(settings);
    try {
      if (Files.exists(directory) && !isEmptyDirectory(directory)) {
        throw new ProjectException("'" + directory + "' exists and is not an empty directory; init writes a new"
            + " project only into a new or empty directory");
      }
      Path specDirectory = Files.createDirectories(directory.resolve(SPEC_DIRECTORY));
      Files.copy(spec, specDirectory.resolve(settings.specFileName()));
      Files.writeString(directory.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProjectException("cannot write the project to '" + directory + "': " + e);
    }
  }

  private static boolean isEmptyDirectory(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }

  /** The project could not be written; the message names what and where. */
  static final class ProjectException extends Exception {
    ProjectException(String message) {
      super(message);
    }
  }
}
