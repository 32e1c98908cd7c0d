package dev.openapi2mcp.runtime.transport.stdio;

import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Logger;

/**
 * Writes whole messages, one per line, from any thread. Writes are serialized so that lines of concurrently
 * finishing calls never interleave. After the first failed write (the client went away) further writes are dropped.
 */
final class LineWriter {
  private static final Logger LOG = Logger.getLogger(LineWriter.class.getName());

  private final OutputStream out;
  private boolean broken;

  LineWriter(OutputStream out) {
    this.out = out;
  }

  synchronized boolean write(byte[] message) {
    if (broken) {
      return false;
    }
    try {
      out.write(message);
      out.write('\n');
      out.flush();
      return true;
    } catch (IOException e) {
      broken = true;
      LOG.warning("stdout is closed; dropping further messages");
      return false;
    }
  }
}
