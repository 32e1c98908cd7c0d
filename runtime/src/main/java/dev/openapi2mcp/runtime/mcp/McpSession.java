package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's state for one client connection (stdio) or one {@code Mcp-Session-Id} (HTTP): the negotiated
 * revision, the client's log level and the channel for server-initiated messages. Thread-safe.
 *
 * <p>A session is <em>initialized</em> once an {@code initialize} request succeeded on it; the revision never changes
 * afterwards.
 */
public final class McpSession {

  /** The threshold before the client sends {@code logging/setLevel}: debug chatter stays off until asked for. */
  public static final LogLevel DEFAULT_LOG_LEVEL = LogLevel.INFO;

  private final String id;
  private final String caller;
  private final AtomicReference<ProtocolRevision> revision = new AtomicReference<>();
  private volatile LogLevel logLevel = DEFAULT_LOG_LEVEL;
  private volatile boolean clientReady;
  private volatile String clientName = "";
  private volatile ServerMessageSink sink = ServerMessageSink.NONE;

  /**
   * @param id the transport's session id, or null for stdio
   * @param caller a description of the client for the audit trail, e.g. {@code stdio} or a remote address
   */
  public McpSession(String id, String caller) {
    this.id = id;
    this.caller = Objects.requireNonNull(caller, "caller");
  }

  /**
   * A session for one stateless HTTP request (issue 5): no id, already initialized with {@code revision} (which the
   * {@code MCP-Protocol-Version} header names instead of a handshake) and with a ready client. It lives as long as
   * the request; nothing about it outlasts the response.
   */
  public static McpSession stateless(String caller, ProtocolRevision revision) {
    McpSession session = new McpSession(null, caller);
    session.initialize(revision, "");
    session.markClientReady();
    return session;
  }

  /** The transport's session id, or null when the transport has none (stdio). */
  public String id() {
    return id;
  }

  public String caller() {
    return caller;
  }

  /** The negotiated revision, empty until {@code initialize} succeeded. */
  public Optional<ProtocolRevision> revision() {
    return Optional.ofNullable(revision.get());
  }

  public boolean isInitialized() {
    return revision.get() != null;
  }

  /** Records the negotiated revision; false when the session was already initialized. */
  boolean initialize(ProtocolRevision negotiated, String client) {
    if (!revision.compareAndSet(null, Objects.requireNonNull(negotiated, "negotiated"))) {
      return false;
    }
    this.clientName = client == null ? "" : client;
    return true;
  }

  /** Whether the client sent {@code notifications/initialized}. */
  public boolean isClientReady() {
    return clientReady;
  }

  void markClientReady() {
    this.clientReady = true;
  }

  /** The client's name from {@code clientInfo}, or empty. */
  public String clientName() {
    return clientName;
  }

  public LogLevel logLevel() {
    return logLevel;
  }

  void setLogLevel(LogLevel level) {
    this.logLevel = Objects.requireNonNull(level, "level");
  }

  /** Connects the channel for server-initiated messages; transports call this once they can deliver. */
  public void setSink(ServerMessageSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** Sends a server-initiated notification over the session's channel; false when it went nowhere. */
  public boolean notify(String method, ObjectNode params) {
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.put("jsonrpc", "2.0");
    message.put("method", method);
    message.set("params", params);
    return sink.send(message);
  }

  /**
   * Sends {@code notifications/message} to the client when {@code level} is at or above the session's level and the
   * session is initialized. The caller must keep secrets out of {@code data}.
   *
   * @param logger the logger name shown to the client, or null
   * @param data any JSON value
   * @return whether the message was sent
   */
  public boolean log(LogLevel level, String logger, JsonNode data) {
    if (!isInitialized() || !level.isAtLeast(logLevel)) {
      return false;
    }
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.put("level", level.wireName());
    if (logger != null) {
      params.put("logger", logger);
    }
    params.set("data", data);
    return notify("notifications/message", params);
  }
}
