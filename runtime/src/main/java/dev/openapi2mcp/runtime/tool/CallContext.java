package dev.openapi2mcp.runtime.tool;

import java.util.Objects;

/**
 * Who is calling and over which session, for credentials, audit and (later) rate limits.
 *
 * @param sessionId the MCP session id, or null on stdio and stateless HTTP
 * @param caller a description of the caller for the audit trail (e.g. {@code stdio} or the remote address)
 * @param requestId the JSON-RPC request id as text
 * @param inboundHeaders the headers of the MCP client's HTTP request that carried the call ({@link
 *     InboundHeaders#NONE} on stdio); the executor forwards only those the operator allowed (issue 5)
 */
public record CallContext(String sessionId, String caller, String requestId, InboundHeaders inboundHeaders) {

  public CallContext {
    Objects.requireNonNull(inboundHeaders, "inboundHeaders");
  }

  /** A call without inbound headers (stdio, tests). */
  public CallContext(String sessionId, String caller, String requestId) {
    this(sessionId, caller, requestId, InboundHeaders.NONE);
  }
}
