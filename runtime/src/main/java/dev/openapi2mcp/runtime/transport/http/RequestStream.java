package dev.openapi2mcp.runtime.transport.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.mcp.JsonRpcCodec;
import dev.openapi2mcp.runtime.mcp.ServerMessageSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The answer to one POST that carries a request (issue 5). It stays plain JSON unless the server sends something
 * that belongs to the request (progress, a log message, an {@code elicitation/create}) before the response: then
 * the POST becomes a {@code text/event-stream} that carries those messages, then the response, and ends.
 *
 * <p>Invariants: the HTTP call is answered exactly once; nothing is written after the response; a write that fails
 * (the client went away) drops the stream and later messages report not sent, so the core can fall back to the
 * session's GET stream. A disconnect does not cancel the request: only {@code notifications/cancelled} does.
 * Thread-safe: a tool's worker thread and the response's thread may race.
 */
final class RequestStream implements ServerMessageSink {
  private static final Logger LOG = Logger.getLogger(RequestStream.class.getName());

  private final HttpCall call;
  private final JsonRpcCodec codec;
  private EventStream stream;
  private boolean streamBroken;
  private boolean answered;

  RequestStream(HttpCall call, JsonRpcCodec codec) {
    this.call = call;
    this.codec = codec;
  }

  @Override
  public synchronized boolean send(ObjectNode message) {
    if (answered || streamBroken) {
      return false;
    }
    try {
      if (stream == null) {
        stream = call.openEventStream(Map.of());
      }
      stream.write(event(message));
      return true;
    } catch (IOException | IllegalStateException e) {
      LOG.fine(() -> "the event stream of a request is gone: " + e.getClass().getSimpleName());
      streamBroken = true;
      return false;
    }
  }

  /**
   * Sends the response and ends the exchange: as JSON when nothing was streamed, else as the stream's last event.
   *
   * @param response the response, or null when the request gets none (the client cancelled it): a stream then
   *     ends without it, as does an otherwise empty one
   */
  synchronized void finish(ObjectNode response) {
    if (answered) {
      return;
    }
    answered = true;
    if (stream == null && !streamBroken) {
      if (response != null) {
        call.respond(200, Map.of(), MediaTypes.JSON, codec.write(response));
        return;
      }
      try {
        stream = call.openEventStream(Map.of());
      } catch (IOException e) {
        return;
      }
    }
    if (stream == null) {
      return;
    }
    try {
      if (response != null) {
        stream.write(event(response));
      }
    } catch (IOException e) {
      LOG.fine("the client left before the response could be written");
    } finally {
      stream.close();
    }
  }

  private String event(ObjectNode message) {
    return "event: message\ndata: " + new String(codec.write(message), StandardCharsets.UTF_8) + "\n\n";
  }
}
