package dev.openapi2mcp.runtime.transport.stdio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads newline-delimited lines as bytes, with a bound on a line's length so that a client cannot make the server
 * buffer without limit. Not thread-safe: one reader thread.
 */
final class LineReader {

  /** One line without its terminator; {@code tooLong} lines were skipped to their end and have no bytes. */
  record Line(byte[] bytes, boolean tooLong) {}

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;

  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line, or null at end of input. A last line without a newline still counts. */
  Line next() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean tooLong = false;
    boolean sawAny = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return sawAny ? finish(line, tooLong) : null;
        }
      }
      sawAny = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      if (!tooLong) {
        if (line.size() + (position - start) > maxBytes) {
          tooLong = true;
          line.reset();
        } else {
          line.write(buffer, start, position - start);
        }
      }
      if (position < limit) {
        position++; // the newline
        return finish(line, tooLong);
      }
    }
  }

  private static Line finish(ByteArrayOutputStream line, boolean tooLong) {
    if (tooLong) {
      return new Line(new byte[0], true);
    }
    byte[] bytes = line.toByteArray();
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\r') {
      end--; // CRLF from clients on Windows
    }
    return new Line(end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end), false);
  }

  static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
