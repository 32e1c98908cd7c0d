package dev.openapi2mcp.runtime.http;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Opens a file below a directory without following any symbolic link on the way, so that a directory swapped for a
 * link after the path was checked cannot lead the open elsewhere.
 *
 * <p>Where the file system offers a {@link SecureDirectoryStream} (Linux, and other systems with {@code openat}),
 * each directory is opened relative to the one above it and the file relative to the last, all with
 * {@link LinkOption#NOFOLLOW_LINKS}: no name is looked up twice, and a link anywhere fails the open. Elsewhere the
 * file is opened by its full path (the last name not followed) and its real location and file key are compared with
 * what was checked, after the open: a best effort, since the path is looked up again.
 */
final class NoFollowOpener {
  private NoFollowOpener() {}

  /** An open file and its attributes, read through the same directory handle that opened it. */
  record Opened(SeekableByteChannel channel, BasicFileAttributes attributes) {}

  /** The file is not a regular file (a directory, a device, a pipe …); it was not opened. */
  static final class NotRegularFile extends IOException {
    private static final long serialVersionUID = 1L;

    NotRegularFile() {
      super("not a regular file", null);
    }
  }

  /**
   * Opens {@code names} (one name per directory level, the file last) below {@code realRoot}.
   *
   * @param realRoot a directory's real path (no links in it)
   * @throws NotRegularFile when the target is not a regular file
   * @throws IOException when a name is a symbolic link, missing or unreadable
   */
  static Opened open(Path realRoot, List<String> names) throws IOException {
    if (names.isEmpty()) {
      throw new NotRegularFile();
    }
    try (DirectoryStream<Path> top = Files.newDirectoryStream(realRoot)) {
      if (top instanceof SecureDirectoryStream<Path> secure) {
        return openBelow(secure, names);
      }
    }
    return openByPath(realRoot, names);
  }

  private static Opened openBelow(SecureDirectoryStream<Path> top, List<String> names) throws IOException {
    Deque<SecureDirectoryStream<Path>> opened = new ArrayDeque<>();
    try {
      SecureDirectoryStream<Path> directory = top;
      for (String name : names.subList(0, names.size() - 1)) {
        directory = directory.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS);
        opened.push(directory);
      }
      Path file = Path.of(names.get(names.size() - 1));
      BasicFileAttributes attributes = directory
          .getFileAttributeView(file, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
      if (!attributes.isRegularFile()) {
        throw new NotRegularFile();
      }
      return new Opened(directory.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)),
          attributes);
    } finally {
      for (SecureDirectoryStream<Path> directory : opened) {
        directory.close();
      }
    }
  }

  private static Opened openByPath(Path realRoot, List<String> names) throws IOException {
    Path target = realRoot;
    for (String name : names) {
      target = target.resolve(name);
    }
    BasicFileAttributes before = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!before.isRegularFile()) {
      throw new NotRegularFile();
    }
    SeekableByteChannel channel = Files.newByteChannel(target, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    try {
      BasicFileAttributes after = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!target.toRealPath().equals(target) || !Objects.equals(before.fileKey(), after.fileKey())) {
        throw new FileSystemException(target.toString(), null, "moved while it was opened");
      }
      return new Opened(channel, after);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }
}
