package dev.openapi2mcp.runtime.http;

import dev.openapi2mcp.runtime.tool.InboundHeaders;
import java.util.List;
import java.util.Locale;
import okhttp3.Request;

/**
 * The operator's allowlist of MCP-client request headers that are sent upstream ({@code --forward-header}; issue
 * 5). Only named headers pass; {@code Authorization} too only when named. Connection-level headers can never be
 * forwarded (the list refuses them). Values with control characters or non-ASCII text are dropped rather than sent.
 * Forwarded headers replace tool arguments of the same name; configured credentials replace forwarded headers.
 */
final class ForwardedHeaders {
  static final ForwardedHeaders NONE = new ForwardedHeaders(List.of());

  private final List<String> names;

  ForwardedHeaders(List<String> names) {
    for (String name : names) {
      if (UpstreamOptions.NOT_FORWARDABLE.contains(name.toLowerCase(Locale.ROOT))) {
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
