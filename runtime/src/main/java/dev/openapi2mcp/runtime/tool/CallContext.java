package dev.openapi2mcp.runtime.tool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Who is calling and over which session, for credentials, audit and (later) rate limits; and the call's channel to
 * its client for cancellation, progress and log messages (issue 5).
 *
 * @param sessionId the MCP session id, or null on stdio and stateless HTTP
 * @param caller a description of the caller for the audit trail (e.g. {@code stdio} or the remote address)
 * @param requestId the JSON-RPC request id as text
 * @param channel the call's channel to its client; {@link CallChannel#NONE} when there is none
 * @param traceContext the W3C trace-context entries ({@code traceparent}, {@code tracestate}) the client put in the
 *     request's {@code params._meta}, unvalidated, for tracing to continue the client's trace (issue 5); empty when
 *     there are none. Only those two keys are kept.
 * @param inboundHeaders the headers of the MCP client's HTTP request that carried the call ({@link
 *     InboundHeaders#NONE} on stdio); the executor forwards only those the operator allowed (issue 5)
 */
public record CallContext(
    String sessionId,
    String caller,
    String requestId,
    CallChannel channel,
    Map<String, String> traceContext,
    InboundHeaders inboundHeaders) {

  public CallContext {
    Objects.requireNonNull(channel, "channel");
    traceContext = Map.copyOf(traceContext);
    Objects.requireNonNull(inboundHeaders, "inboundHeaders");
  }

  /** A context without inbound headers (stdio, tests). */
  public CallContext(
      String sessionId, String caller, String requestId, CallChannel channel, Map<String, String> traceContext) {
    this(sessionId, caller, requestId, channel, traceContext, InboundHeaders.NONE);
  }

  /** A context without trace context from the client and without inbound headers. */
  public CallContext(String sessionId, String caller, String requestId, CallChannel channel) {
    this(sessionId, caller, requestId, channel, Map.of());
  }

  /** A context without a client channel: never cancelled, progress and log messages go nowhere. */
  public CallContext(String sessionId, String caller, String requestId) {
    this(sessionId, caller, requestId, CallChannel.NONE);
  }

  /**
   * The session as audit records, spans and logs show it: the first 16 hex digits of the SHA-256 of {@link
   * #sessionId}, or null without a session. The same session always gives the same value, so the records of one
   * session can still be put together; but the value cannot be sent back as {@code Mcp-Session-Id}, so whoever reads
   * the audit trail or the traces cannot take over a live session.
   */
  public String sessionDigest() {
    if (sessionId == null) {
      return null;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest's class documentation).
      throw new IllegalStateException(e);
    }
  }

}
