package dev.openapi2mcp.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the local files that file-part arguments name with {@code {"path": …}}, under the rules the server was
 * started with ({@code --file-root DIR}, {@code --max-file-size}).
 *
 * <p>Rules, each checked before any byte is read:
 * <ul>
 *   <li>Without a file root, no path is accepted: the server reads no local file at all.</li>
 *   <li>A relative path resolves against the root; an absolute path is taken as is. Either way the path is
 *       normalized and then resolved to its real location (following every symbolic link); the result must lie
 *       inside the root's own real location. So {@code ../x}, an absolute path elsewhere and a symbolic link that
 *       points out of the root are all refused, and the message never says whether the outside file exists.</li>
 *   <li>The target must be a regular file (not a directory, device or pipe) and readable.</li>
 *   <li>It must not be larger than the size limit; reading also stops one byte past the limit, so a file that grows
 *       between the check and the read is refused too.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
final class LocalFiles {
  private final Path root;
  private final long maxBytes;

  /**
   * @param root the directory local files must be in, or null when paths are not allowed
   * @param maxBytes the largest file part, in bytes
   */
  LocalFiles(Path root, long maxBytes) {
    this.root = root;
    this.maxBytes = maxBytes;
  }

  long maxBytes() {
    return maxBytes;
  }

  /** A file read for a part: its bytes and its own file name. */
  record FileContent(byte[] bytes, String fileName) {}

  /**
   * Reads the file {@code path} names, for the argument {@code argument}.
   *
   * @throws InvalidRequestException when paths are not allowed, the path leaves the root, is not a readable regular
   *     file, or is too large; the message names the argument and the rule, never the outside world
   */
  FileContent read(String argument, String path) throws InvalidRequestException {
    if (root == null) {
      throw new InvalidRequestException(argument + ": local files are not enabled on this server, so 'path' "
          + "cannot be used; send the file's bytes base64-encoded in 'content' instead (the server's operator "
          + "can allow a directory with --file-root)");
    }
    if (path.isEmpty() || path.indexOf('\0') >= 0) {
      throw new InvalidRequestException(argument + ": 'path' must be a non-empty file path");
    }
    Path realRoot;
    Path target;
    try {
      realRoot = root.toRealPath();
      Path requested = realRoot.resolve(path).normalize();
      if (!requested.startsWith(realRoot)) {
        throw outside(argument, path);
      }
      target = requested.toRealPath();
    } catch (InvalidPathException e) {
      throw new InvalidRequestException(argument + ": 'path' is not a valid file path: " + e.getReason());
    } catch (NoSuchFileException e) {
      throw new InvalidRequestException(argument + ": no file '" + path + "' in the allowed directory");
    } catch (IOException e) {
      throw new InvalidRequestException(argument + ": the file '" + path + "' cannot be read");
    }
    // Checked again after symbolic links are resolved: a link inside the root may point anywhere.
    if (!target.startsWith(realRoot)) {
      throw outside(argument, path);
    }
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidRequestException(argument + ": '" + path + "' is not a regular file");
    }
    try {
      long size = Files.size(target);
      if (size > maxBytes) {
        throw tooLarge(argument, size);
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(target, LinkOption.NOFOLLOW_LINKS)) {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      }
      if (bytes.length > maxBytes) {
        throw tooLarge(argument, bytes.length);
      }
      return new FileContent(bytes, target.getFileName().toString());
    } catch (IOException e) {
      throw new InvalidRequestException(argument + ": the file '" + path + "' cannot be read");
    }
  }

  /** Refuses a decoded {@code content} larger than the limit. */
  void checkSize(String argument, long size) throws InvalidRequestException {
    if (size > maxBytes) {
      throw tooLarge(argument, size);
    }
  }

  private InvalidRequestException tooLarge(String argument, long size) {
    return new InvalidRequestException(argument + ": the file has " + size + " bytes, more than the "
        + maxBytes + " bytes this server sends per file part (--max-file-size)");
  }

  private static InvalidRequestException outside(String argument, String path) {
    return new InvalidRequestException(argument + ": '" + path + "' is outside the directory this server may "
        + "read files from (--file-root); only files inside it can be sent");
  }
}
