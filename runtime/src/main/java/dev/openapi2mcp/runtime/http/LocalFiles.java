package dev.openapi2mcp.runtime.http;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks and opens the local files that file-part arguments name with {@code {"path": …}}, under the rules the
 * server was started with ({@code --file-root DIR}, {@code --max-file-size}).
 *
 * <p>Rules, each checked before any byte is read:
 * <ul>
 *   <li>Without a file root, no path is accepted: the server reads no local file at all.</li>
 *   <li>A relative path resolves against the root; an absolute path is taken as is. Either way the path is
 *       normalized and then resolved to its real location (following every symbolic link); the result must lie
 *       inside the root's own real location. So {@code ../x}, an absolute path elsewhere and a symbolic link that
 *       points out of the root are all refused, and the message never says whether the outside file exists.</li>
 *   <li>The file is then opened along that real location without following any link ({@link NoFollowOpener}): a
 *       directory swapped for a link to elsewhere after the check makes the open fail rather than leave the root.
 *       </li>
 *   <li>The target must be a regular file (not a directory, device or pipe) and readable.</li>
 *   <li>It must not be larger than the size limit, and all file parts of one request together not larger than
 *       {@value #TOTAL_FILE_PARTS_FACTOR} times that limit ({@link UploadAllowance}).</li>
 * </ul>
 * A checked file is not read here: {@link FileBody} streams it into the request, opening it the same way again and
 * refusing to send it if it is no longer the same file or no longer has the checked size. Instances are immutable
 * and thread-safe.
 */
final class LocalFiles {
  /** How many per-file limits the file parts of one request may add up to. */
  static final int TOTAL_FILE_PARTS_FACTOR = 4;

  private final Path root;
  private final long maxBytes;
  private final Runnable beforeOpen;

  /**
   * @param root the directory local files must be in, or null when paths are not allowed
   * @param maxBytes the largest file part, in bytes
   */
  LocalFiles(Path root, long maxBytes) {
    this(root, maxBytes, () -> { });
  }

  /** As {@link #LocalFiles(Path, long)}; {@code beforeOpen} runs between a path's check and each open of it. */
  LocalFiles(Path root, long maxBytes, Runnable beforeOpen) {
    this.root = root;
    this.maxBytes = maxBytes;
    this.beforeOpen = beforeOpen;
  }

  long maxBytes() {
    return maxBytes;
  }

  /** A fresh count of what the file parts of one request may still add. */
  UploadAllowance allowance() {
    long total = maxBytes > Long.MAX_VALUE / TOTAL_FILE_PARTS_FACTOR ? Long.MAX_VALUE
        : maxBytes * TOTAL_FILE_PARTS_FACTOR;
    return new UploadAllowance(total);
  }

  /**
   * A file that passed the rules: where it really is below the root, which file it was, its size and its name.
   * {@link #open()} opens it again, the same safe way, and only if it is still that file with that size.
   */
  final class Checked {
    private final String shownPath;
    private final Path realRoot;
    private final List<String> names;
    private final Object fileKey;
    private final long size;

    private Checked(String shownPath, Path realRoot, List<String> names, Object fileKey, long size) {
      this.shownPath = shownPath;
      this.realRoot = realRoot;
      this.names = names;
      this.fileKey = fileKey;
      this.size = size;
    }

    long size() {
      return size;
    }

    String fileName() {
      return names.get(names.size() - 1);
    }

    /** The path as the argument gave it, for messages. */
    String shownPath() {
      return shownPath;
    }

    /**
     * Opens the file for reading.
     *
     * @throws IOException when it can no longer be opened safely, or is no longer the file that was checked
     */
    SeekableByteChannel open() throws IOException {
      beforeOpen.run();
      NoFollowOpener.Opened opened = NoFollowOpener.open(realRoot, names);
      if (!Objects.equals(opened.attributes().fileKey(), fileKey) || opened.attributes().size() != size) {
        opened.channel().close();
        throw new IOException("the file '" + shownPath + "' changed after it was checked, so it was not sent");
      }
      return opened.channel();
    }
  }

  /**
   * Checks the file {@code path} names, for the argument {@code argument}, without reading it.
   *
   * @throws InvalidRequestException when paths are not allowed, the path leaves the root, is not a readable regular
   *     file, or is too large; the message names the argument and the rule, never the outside world
   */
  Checked check(String argument, String path) throws InvalidRequestException {
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
      throw unreadable(argument, path);
    }
    // Checked again after symbolic links are resolved: a link inside the root may point anywhere.
    if (!target.startsWith(realRoot)) {
      throw outside(argument, path);
    }
    List<String> names = new ArrayList<>();
    for (Path name : realRoot.relativize(target)) {
      if (!name.toString().isEmpty()) {
        names.add(name.toString());
      }
    }
    NoFollowOpener.Opened opened;
    try {
      beforeOpen.run();
      opened = NoFollowOpener.open(realRoot, names);
      opened.channel().close();
    } catch (NoFollowOpener.NotRegularFile e) {
      throw new InvalidRequestException(argument + ": '" + path + "' is not a regular file");
    } catch (IOException e) {
      throw unreadable(argument, path);
    }
    long size = opened.attributes().size();
    checkSize(argument, size);
    return new Checked(path, realRoot, List.copyOf(names), opened.attributes().fileKey(), size);
  }

  /** Refuses a file part larger than the limit. */
  void checkSize(String argument, long size) throws InvalidRequestException {
    if (size > maxBytes) {
      throw tooLarge(argument, size);
    }
  }

  private InvalidRequestException tooLarge(String argument, long size) {
    return new InvalidRequestException(argument + ": the file has " + size + " bytes, more than the "
        + maxBytes + " bytes this server sends per file part (--max-file-size)");
  }

  private static InvalidRequestException unreadable(String argument, String path) {
    return new InvalidRequestException(argument + ": the file '" + path + "' cannot be read");
  }

  private static InvalidRequestException outside(String argument, String path) {
    return new InvalidRequestException(argument + ": '" + path + "' is outside the directory this server may "
        + "read files from (--file-root); only files inside it can be sent");
  }
}
