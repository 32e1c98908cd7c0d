package dev.openapi2mcp.generator.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the lint report files into the report directory: {@value #LINT_MD} ({@link LintReport#markdown()}) and
 * {@value #TOOLS_LIST_JSON} (the {@code tools/list} result, pretty-printed), so that what the model sees can be
 * reviewed in code review and checked by tests that parse it.
 *
 * <p>Each file is written to a temporary file beside it and moved into place, so a reader never sees half a file;
 * a file whose content is unchanged is not rewritten. Other files in the directory are left alone.
 */
public final class ReportFiles {
  public static final String LINT_MD = "lint.md";
  public static final String TOOLS_LIST_JSON = "tools-list.json";

  private ReportFiles() {}

  /** Writes both files; returns those whose content changed. */
  public static List<Path> write(Path directory, LintReport report) throws IOException {
    Files.createDirectories(directory);
    return Arrays.asList(
        write(directory.resolve(LINT_MD), report.markdown()),
        write(directory.resolve(TOOLS_LIST_JSON), report.toolsListJson()))
        .stream().filter(path -> path != null).toList();
  }

  private static Path write(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return null;
    }
    Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      Files.write(temporary, bytes);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return file;
  }
}
