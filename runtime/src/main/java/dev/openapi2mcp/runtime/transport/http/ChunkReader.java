package dev.openapi2mcp.runtime.transport.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a Jetty request body chunk by chunk as its bytes arrive, never waiting on a thread: when nothing is
 * available it asks Jetty to run it again once there is. Each chunk is released after its {@link Sink} saw it.
 */
final class ChunkReader implements Runnable {

  /** Receives the body. */
  interface Sink {
    /**
     * Takes the next bytes, valid only during the call.
     *
     * @param last whether they end the body; reading stops after them either way
     * @return true to stop reading
     */
    boolean take(ByteBuffer bytes, boolean last);

    /** The body could not be read to its end (the client went away, or the idle timeout struck). */
    void failed(Throwable failure);
  }

  private final Request request;
  private final Sink sink;

  ChunkReader(Request request, Sink sink) {
    this.request = request;
    this.sink = sink;
  }

  @Override
  public void run() {
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        sink.failed(chunk.getFailure());
        return;
      }
      boolean last = chunk.isLast();
      boolean stop = sink.take(chunk.getByteBuffer(), last);
      chunk.release();
      if (stop || last) {
        return;
      }
    }
  }
}
