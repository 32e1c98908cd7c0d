package dev.openapi2mcp.runtime.auth;

import java.net.URI;

/**
 * Builds the inbound auth once the transport knows its own endpoint URL (with port 0 it is known only after
 * binding), which the OAuth mode uses as its default audience (issue 5).
 */
@FunctionalInterface
public interface InboundAuthFactory {

  /** No inbound auth. */
  InboundAuthFactory NONE = endpoint -> InboundAuth.NONE;

  /** @param endpoint the MCP endpoint as bound, e.g. {@code https://127.0.0.1:8443/mcp} */
  InboundAuth create(URI endpoint);
}
