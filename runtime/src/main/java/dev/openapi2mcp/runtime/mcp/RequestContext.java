package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What a method handler needs about the request it answers.
 *
 * @param revision the revision the answer must follow: the session's negotiated one, or {@link
 *     ProtocolRevision#LATEST} before negotiation (only {@code initialize} and {@code ping} run then)
 * @param channel where messages that belong to this request go before its response (issue 5)
 */
record RequestContext(
    McpSession session, ProtocolRevision revision, JsonRpcMessage.Request request, ServerMessageSink channel) {

  RequestContext {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(request, "request");
  }

  ObjectNode params() {
    return request.params();
  }

  /** The request id as text, for call contexts and logs. */
  String idText() {
    return request.id().isTextual() ? request.id().textValue() : request.id().asText();
  }
}
