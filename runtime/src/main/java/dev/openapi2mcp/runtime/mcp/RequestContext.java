package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.InboundHeaders;
import java.util.Objects;

/**
 * What a method handler needs about the request it answers.
 *
 * @param revision the revision the answer must follow: the session's negotiated one, or {@link
 *     ProtocolRevision#LATEST} before negotiation (only {@code initialize} and {@code ping} run then)
 * @param channel where messages that belong to this request go before its response (issue 5)
 * @param inboundHeaders the headers of the HTTP request that carried the message; none on stdio
 */
record RequestContext(
    McpSession session,
    ProtocolRevision revision,
    JsonRpcMessage.Request request,
    ServerMessageSink channel,
    InboundHeaders inboundHeaders) {

  RequestContext {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(inboundHeaders, "inboundHeaders");
  }

  /** A request that did not arrive over HTTP. */
  RequestContext(
      McpSession session, ProtocolRevision revision, JsonRpcMessage.Request request, ServerMessageSink channel) {
    this(session, revision, request, channel, InboundHeaders.NONE);
  }

  ObjectNode params() {
    return request.params();
  }

  /** The request id as text, for call contexts and logs. */
  String idText() {
    return request.id().isTextual() ? request.id().textValue() : request.id().asText();
  }
}
