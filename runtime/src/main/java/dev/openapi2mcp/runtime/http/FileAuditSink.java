package dev.openapi2mcp.runtime.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The JSON-lines audit file of issue 5 ({@code --audit-log FILE}).
 *
 * <p>Invariants: each record is one line ending in {@code \n}, written with a single append under a lock, so
 * concurrent calls never interleave, and other processes appending to the same file ({@code O_APPEND}) do not split
 * it either; each record is handed to the operating system before {@link #write} returns (there is no buffer in this
 * process to lose on a crash; durability against power loss is the file system's). Writes after {@link #close()}
 * fail.
 */
final class FileAuditSink implements AuditSink, AutoCloseable {
  private final Path file;
  private final FileChannel channel;

  private FileAuditSink(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  static FileAuditSink open(Path file) {
    try {
      return new FileAuditSink(file, FileChannel.open(file,
          StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalArgumentException("cannot open the audit log '" + file + "' for appending: " + reason(e), e);
    }
  }

  @Override
  public void write(String record) {
    ByteBuffer bytes = ByteBuffer.wrap((record + "\n").getBytes(StandardCharsets.UTF_8));
    synchronized (this) {
      try {
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to the audit log '" + file + "'", e);
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the audit log '" + file + "'", e);
    }
  }

  private static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "its directory does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
