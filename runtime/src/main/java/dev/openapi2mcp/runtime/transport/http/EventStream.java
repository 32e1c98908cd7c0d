package dev.openapi2mcp.runtime.transport.http;

import java.io.Closeable;
import java.io.IOException;

/** An open Server-Sent Events response. Thread-safe: writes from several threads never interleave. */
public interface EventStream extends Closeable {

  /** Writes raw SSE text (one or more complete fields ending in a blank line) and flushes it to the client. */
  void write(String text) throws IOException;

  /** Ends the response; further writes fail. */
  @Override
  void close();
}
