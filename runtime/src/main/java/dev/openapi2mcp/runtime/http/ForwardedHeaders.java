package dev.openapi2mcp.runtime.http;

import dev.openapi2mcp.runtime.tool.InboundHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.Request;

/**
 * The operator's allowlist of MCP-client request headers that are sent upstream ({@code --forward-header}; issue
 * 5). Only named headers pass; {@code Authorization} too only when named. Connection-level headers can never be
 * forwarded (the list refuses them). Values with control characters or non-ASCII text are dropped rather than sent.
 * Forwarded headers replace tool arguments of the same name; configured credentials replace forwarded headers.
 */
final class ForwardedHeaders {
  static final ForwardedHeaders NONE = new ForwardedHeaders(List.of());

  /** Headers that belong to one connection or to the MCP exchange, not to the API call. */
  static final Set<String> NEVER = Set.of("host", "content-length", "transfer-encoding", "connection",
      "keep-alive", "te", "trailer", "upgrade", "proxy-connection", "expect", "content-type", "accept",
      "accept-encoding", "mcp-session-id", "mcp-protocol-version", "last-event-id");

  private final List<String> names;

  ForwardedHeaders(List<String> names) {
    for (String name : names) {
      if (NEVER.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("the header '" + name + "' cannot be forwarded upstream");
      }
    }
    this.names = List.copyOf(names);
  }

  /** Adds the allowed headers of {@code inbound} to {@code request}. */
  void apply(InboundHeaders inbound, Request.Builder request) {
    if (inbound == null || inbound.isEmpty()) {
      return;
    }
    for (String name : names) {
      List<String> values = inbound.values(name).stream().filter(ForwardedHeaders::sendable).toList();
      if (values.isEmpty()) {
        continue;
      }
      request.removeHeader(name);
      values.forEach(value -> request.addHeader(name, value));
    }
  }

  private static boolean sendable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }
}
