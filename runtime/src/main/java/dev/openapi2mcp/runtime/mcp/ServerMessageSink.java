package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a transport delivers messages the server sends on its own (notifications and, for issue 5, requests such as
 * {@code elicitation/create}), as opposed to responses. A session has one (stdout; the HTTP GET stream), and each
 * request may have its own (the POST's event stream). Implementations are thread-safe and never block for long.
 */
@FunctionalInterface
public interface ServerMessageSink {

  /** A sink that drops everything, for sessions with no channel back to the client. */
  ServerMessageSink NONE = message -> false;

  /** Sends one message; returns whether it was handed to a live channel. */
  boolean send(ObjectNode message);
}
