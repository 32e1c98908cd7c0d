package dev.openapi2mcp.runtime.tool;

import java.util.Objects;

/**
 * Who is calling and over which session, for credentials, audit and (later) rate limits; and the call's channel to
 * its client for cancellation, progress and log messages (issue 5).
 *
 * @param sessionId the MCP session id, or null on stdio and stateless HTTP
 * @param caller a description of the caller for the audit trail (e.g. {@code stdio} or the remote address)
 * @param requestId the JSON-RPC request id as text
 * @param channel the call's channel to its client; {@link CallChannel#NONE} when there is none
 */
public record CallContext(String sessionId, String caller, String requestId, CallChannel channel) {

  public CallContext {
    Objects.requireNonNull(channel, "channel");
  }

  /** A context without a client channel: never cancelled, progress and log messages go nowhere. */
  public CallContext(String sessionId, String caller, String requestId) {
    this(sessionId, caller, requestId, CallChannel.NONE);
  }
}
