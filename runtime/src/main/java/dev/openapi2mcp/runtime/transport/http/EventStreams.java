package dev.openapi2mcp.runtime.transport.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The GET event streams one session holds open. Each server-initiated message goes to exactly one stream (the most
 * recently opened live one), never to all: the spec forbids broadcasting a message over several streams.
 * Streams that fail a write are dropped. Thread-safe; writes happen outside the lock so a slow client cannot stall
 * the others.
 */
final class EventStreams {
  private final int max;
  private final List<EventStream> open = new ArrayList<>();
  private boolean closed;

  EventStreams(int max) {
    this.max = max;
  }

  /** Adds a stream; false (and the stream is closed) when the session already has the maximum or is closed. */
  boolean add(EventStream stream) {
    synchronized (this) {
      if (!closed && open.size() < max) {
        open.add(stream);
        return true;
      }
    }
    stream.close();
    return false;
  }

  synchronized boolean isFull() {
    return open.size() >= max;
  }

  synchronized int size() {
    return open.size();
  }

  /** Sends one JSON-RPC message as a {@code message} event; false when no stream took it. */
  boolean send(byte[] json) {
    String event = "event: message\ndata: " + new String(json, java.nio.charset.StandardCharsets.UTF_8) + "\n\n";
    while (true) {
      EventStream target;
      synchronized (this) {
        if (open.isEmpty()) {
          return false;
        }
        target = open.get(open.size() - 1);
      }
      try {
        target.write(event);
        return true;
      } catch (IOException e) {
        drop(target);
      }
    }
  }

  /** Writes a comment to every stream, dropping dead ones; returns whether any stream is still open. */
  boolean keepAlive() {
    List<EventStream> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(open);
    }
    for (EventStream stream : snapshot) {
      try {
        stream.write(": keep-alive\n\n");
      } catch (IOException e) {
        drop(stream);
      }
    }
    synchronized (this) {
      return !open.isEmpty();
    }
  }

  private void drop(EventStream stream) {
    synchronized (this) {
      open.remove(stream);
    }
    stream.close();
  }

  /** Ends every stream; later {@link #add} calls are refused. */
  void closeAll() {
    List<EventStream> snapshot;
    synchronized (this) {
      closed = true;
      snapshot = new ArrayList<>(open);
      open.clear();
    }
    snapshot.forEach(EventStream::close);
  }
}
