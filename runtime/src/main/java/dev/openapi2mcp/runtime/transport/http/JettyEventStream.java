package dev.openapi2mcp.runtime.transport.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An event stream on a Jetty response that never blocks its writers. One write is in flight at a time; what is
 * written meanwhile waits in a backlog, sent as one write when the previous one completes, so events keep their
 * order. A client that stops reading makes the backlog grow: past {@code maxBacklogBytes} the stream is aborted and
 * the write fails, so the session drops the stream instead of holding its messages (or a writer) forever. A write
 * that stays pending for the connection's idle timeout is failed by Jetty, with the same effect.
 */
final class JettyEventStream implements EventStream {
  private final Response response;
  private final Callback done;
  private final int maxBacklogBytes;
  private final Deque<byte[]> backlog = new ArrayDeque<>();
  private int backlogBytes;
  private boolean writing;
  private boolean closed;
  private boolean failed;

  JettyEventStream(Response response, Callback done, int maxBacklogBytes) {
    this.response = response;
    this.done = done;
    this.maxBacklogBytes = maxBacklogBytes;
  }

  @Override
  public void write(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    boolean fellBehind;
    synchronized (this) {
      if (closed || failed) {
        throw new IOException("event stream closed");
      }
      if (writing && backlogBytes + bytes.length <= maxBacklogBytes) {
        backlog.add(bytes);
        backlogBytes += bytes.length;
        return;
      }
      fellBehind = writing;
      if (fellBehind) {
        failed = true;
        backlog.clear();
      }
      writing = true;
    }
    if (fellBehind) {
      // Aborting resets the connection, which also fails the write still in flight.
      done.failed(new IOException("the client does not read its event stream"));
      throw new IOException("event stream dropped: the client fell behind by more than " + maxBacklogBytes
          + " bytes");
    }
    response.write(false, ByteBuffer.wrap(bytes), Callback.from(this::written, this::writeFailed));
  }

  /** The write in flight completed: sends the backlog as one write, or ends the response once closed. */
  private void written() {
    ByteBuffer next;
    synchronized (this) {
      if (failed) {
        return;
      }
      if (backlog.isEmpty()) {
        writing = false;
        if (!closed) {
          return;
        }
        next = null;
      } else {
        next = ByteBuffer.allocate(backlogBytes);
        backlog.forEach(next::put);
        next.flip();
        backlog.clear();
        backlogBytes = 0;
      }
    }
    if (next == null) {
      response.write(true, ByteBuffer.allocate(0), done);
    } else {
      response.write(false, next, Callback.from(this::written, this::writeFailed));
    }
  }

  private void writeFailed(Throwable failure) {
    synchronized (this) {
      if (failed) {
        return;
      }
      failed = true;
      backlog.clear();
    }
    done.failed(failure);
  }

  /** Ends the response once what was written so far has been sent; idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed || failed) {
        closed = true;
        return;
      }
      closed = true;
      if (writing) {
        return; // written() ends the response after the backlog
      }
      writing = true;
    }
    response.write(true, ByteBuffer.allocate(0), done);
  }
}
