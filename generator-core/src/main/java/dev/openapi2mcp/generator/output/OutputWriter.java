package dev.openapi2mcp.generator.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Puts generated files into the output directory, which belongs to the generator.
 *
 * <p>Steps: compare every file with what is on disk; write the changed ones into a temporary directory beside
 * the output directory; then move each into place and delete the stale {@code .java} files (those under the
 * output directory that this run did not produce). A failure before the moves leaves the output directory
 * exactly as it was. Files whose bytes are unchanged are not touched, so their modification times stay and
 * incremental builds stay incremental. Files other than {@code .java} are never deleted.
 */
public final class OutputWriter {
  private OutputWriter() {}

  public static WriteReport write(Path outputDirectory, List<GeneratedFile> files) throws IOException {
    Path root = outputDirectory.toAbsolutePath().normalize();
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new IOException("outputDirectory is not a directory: " + root);
    }
    List<GeneratedFile> changed = new ArrayList<>();
    List<Path> unchanged = new ArrayList<>();
    Set<Path> produced = new HashSet<>();
    for (GeneratedFile file : files) {
      Path relative = file.relativePath().normalize();
      if (relative.startsWith("..") || !produced.add(relative)) {
        throw new IllegalArgumentException("each generated file needs its own path inside the output: " + relative);
      }
      Path target = root.resolve(relative);
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), file.content())) {
        unchanged.add(relative);
      } else {
        changed.add(file);
      }
    }
    List<Path> stale = staleJavaFiles(root, produced);

    List<Path> written = new ArrayList<>();
    if (!changed.isEmpty()) {
      Path parent = root.getParent();
      Files.createDirectories(parent);
      Path staging = Files.createTempDirectory(parent, "." + root.getFileName() + "-");
      try {
        for (GeneratedFile file : changed) {
          Path staged = staging.resolve(file.relativePath());
          Files.createDirectories(staged.getParent());
          Files.write(staged, file.content());
        }
        for (GeneratedFile file : changed) {
          Path target = root.resolve(file.relativePath());
          Files.createDirectories(target.getParent());
          move(staging.resolve(file.relativePath()), target);
          written.add(file.relativePath().normalize());
        }
      } finally {
        deleteTree(staging);
      }
    }
    List<Path> deleted = new ArrayList<>();
    for (Path relative : stale) {
      Path file = root.resolve(relative);
      Files.deleteIfExists(file);
      deleted.add(relative);
      removeEmptyParents(root, file.getParent());
    }
    written.sort(Comparator.naturalOrder());
    unchanged.sort(Comparator.naturalOrder());
    return new WriteReport(written, unchanged, deleted);
  }

  private static List<Path> staleJavaFiles(Path root, Set<Path> produced) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".java"))
          .map(root::relativize)
          .filter(p -> !produced.contains(p))
          .sorted()
          .toList();
    }
  }

  /** Same file system, so the move is a rename: readers see the old file or the new one, never half of one. */
  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Package directories emptied by deleting stale files go too, up to (not including) the output root. */
  private static void removeEmptyParents(Path root, Path directory) throws IOException {
    Path current = directory;
    while (current != null && !current.equals(root) && current.startsWith(root)) {
      try {
        Files.delete(current);
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        return;
      }
      current = current.getParent();
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
