package dev.openapi2mcp.runtime.transport.http;

import java.io.Closeable;
import java.io.IOException;

/** An open Server-Sent Events response. Thread-safe: writes from several threads never interleave. */
public interface EventStream extends Closeable {

  /**
   * Writes raw SSE text (one or more complete fields ending in a blank line) and sends it to the client. Engines
   * that can write without blocking do so, queueing a bounded backlog, and fail the write (closing the stream) when
   * a client that does not read falls further behind.
   *
   * @throws IOException when the stream is closed, the client is gone or it fell too far behind
   */
  void write(String text) throws IOException;

  /** Ends the response; further writes fail. */
  @Override
  void close();
}
