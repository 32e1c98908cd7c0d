package dev.openapi2mcp.runtime.transport.http;

import dev.openapi2mcp.runtime.mcp.McpSession;

/**
 * One {@code Mcp-Session-Id}: the protocol session, the principal it is bound to (issue 5), its GET streams and when
 * it was last used.
 */
final class HttpSession {
  private final McpSession mcp;
  private final String owner;
  private final String holder;
  private final EventStreams streams;
  private volatile long lastActiveNanos;

  HttpSession(McpSession mcp, String owner, String holder, EventStreams streams, long nowNanos) {
    this.mcp = mcp;
    this.owner = owner;
    this.holder = holder;
    this.streams = streams;
    this.lastActiveNanos = nowNanos;
  }

  String id() {
    return mcp.id();
  }

  /** The principal that opened the session, or null without inbound auth. */
  String owner() {
    return owner;
  }

  /** Whose share of the sessions this one counts against: the principal, or the remote address without auth. */
  String holder() {
    return holder;
  }

  McpSession mcp() {
    return mcp;
  }

  EventStreams streams() {
    return streams;
  }

  void touch(long nowNanos) {
    lastActiveNanos = nowNanos;
  }

  long lastActiveNanos() {
    return lastActiveNanos;
  }

  void close() {
    streams.closeAll();
    mcp.close();
  }
}
