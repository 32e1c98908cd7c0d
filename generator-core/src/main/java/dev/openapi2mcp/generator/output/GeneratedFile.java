package dev.openapi2mcp.generator.output;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of the output, fully built in memory.
 *
 * @param relativePath the path below the output directory, e.g. {@code com/example/PetstoreServer.java}
 * @param content the exact bytes to write
 */
public record GeneratedFile(Path relativePath, byte[] content) {
  public GeneratedFile {
    Objects.requireNonNull(relativePath, "relativePath");
    Objects.requireNonNull(content, "content");
    if (relativePath.isAbsolute()) {
      throw new IllegalArgumentException("relative path expected: " + relativePath);
    }
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
