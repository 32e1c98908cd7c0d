package dev.openapi2mcp.runtime.transport.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The little the MCP endpoint needs from an HTTP server, so that the JDK's built-in server can be swapped for
 * another one without touching the protocol code.
 */
public interface HttpEngine {

  /**
   * Binds {@code address} and passes every request to {@code handler}.
   *
   * @return the bound address (with the real port when port 0 was asked for)
   */
  InetSocketAddress start(InetSocketAddress address, HttpCallHandler handler) throws IOException;

  /** Stops accepting, waits up to {@code grace} for exchanges still open, then closes all connections. */
  void stop(Duration grace);
}
