package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's state for one client connection (stdio) or one {@code Mcp-Session-Id} (HTTP): the negotiated
 * revision, the client's capabilities and log level, the channel for server-initiated messages and the requests the
 * server sent the client (issue 5). Thread-safe.
 *
 * <p>A session is <em>initialized</em> once an {@code initialize} request succeeded on it; the revision and the
 * client's capabilities never change afterwards.
 *
 * <p>Logging is opt-in: until the client sends {@code logging/setLevel}, no {@code notifications/message} is sent.
 * The spec leaves this choice to the server; a client that never asked for log messages gets none, and over HTTP its
 * calls keep their plain JSON answers. Errors still reach every client in the tool result.
 */
public final class McpSession {

  private final String id;
  private final String caller;
  private final AtomicReference<ProtocolRevision> revision = new AtomicReference<>();
  private final ClientRequests requests = new ClientRequests();
  private volatile LogLevel logLevel;
  private volatile boolean clientReady;
  private volatile String clientName = "";
  private volatile JsonNode clientCapabilities = JsonNodeFactory.instance.objectNode();
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
   * the request; nothing about it outlasts the response. It declares no client capabilities, since no
   * {@code initialize} reached this replica: the server never sends it requests such as elicitation, whose answer
   * would arrive in another POST, perhaps at another replica.
   */
  public static McpSession stateless(String caller, ProtocolRevision revision) {
    McpSession session = new McpSession(null, caller);
    session.initialize(revision, "", null);
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
  boolean initialize(ProtocolRevision negotiated, String client, JsonNode capabilities) {
    if (!revision.compareAndSet(null, Objects.requireNonNull(negotiated, "negotiated"))) {
      return false;
    }
    this.clientName = client == null ? "" : client;
    this.clientCapabilities = capabilities != null && capabilities.isObject()
        ? capabilities.deepCopy() : JsonNodeFactory.instance.objectNode();
    return true;
  }

  /**
   * Whether the server may send this client a form-mode {@code elicitation/create}: the negotiated revision has
   * elicitation and the client declared it in {@code initialize} (from 2025-11-25 with form mode, which an empty
   * {@code elicitation} object implies).
   */
  public boolean supportsFormElicitation() {
    ProtocolRevision negotiated = revision.get();
    JsonNode elicitation = clientCapabilities.get("elicitation");
    if (negotiated == null || !negotiated.hasElicitation() || elicitation == null || !elicitation.isObject()) {
      return false;
    }
    if (!negotiated.hasElicitationModes()) {
      return true;
    }
    return elicitation.isEmpty() || elicitation.has("form");
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

  /** The level the client set with {@code logging/setLevel}; empty until it did (then nothing is logged to it). */
  public Optional<LogLevel> logLevel() {
    return Optional.ofNullable(logLevel);
  }

  /** Whether a message at {@code level} goes to the client: it is initialized and asked for this level or lower. */
  public boolean logsAt(LogLevel level) {
    LogLevel threshold = logLevel;
    return isInitialized() && threshold != null && level.isAtLeast(threshold);
  }

  void setLogLevel(LogLevel level) {
    this.logLevel = Objects.requireNonNull(level, "level");
  }

  /** Connects the channel for server-initiated messages; transports call this once they can deliver. */
  public void setSink(ServerMessageSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** The session's own channel (stdout, or the HTTP GET stream), for messages that belong to no request. */
  ServerMessageSink sink() {
    return sink;
  }

  ClientRequests requests() {
    return requests;
  }

  /**
   * Ends the session's requests to the client: calls waiting for an answer (an elicitation) stop waiting and are
   * answered as not confirmed. Transports call this when the session ends.
   */
  public void close() {
    requests.abandonAll();
  }

  /** Sends a server-initiated notification over the session's channel; false when it went nowhere. */
  public boolean notify(String method, ObjectNode params) {
    return sink.send(notification(method, params));
  }

  /**
   * Sends {@code notifications/message} over the session's channel when {@link #logsAt} the level. The caller must
   * keep secrets out of {@code data}. Calls log through {@link dev.openapi2mcp.runtime.tool.CallChannel#log}
   * instead, so that the message travels with the call.
   *
   * @param logger the logger name shown to the client, or null
   * @param data any JSON value
   * @return whether the message was sent
   */
  public boolean log(LogLevel level, String logger, JsonNode data) {
    return logsAt(level) && sink.send(logMessage(level, logger, data));
  }

  static ObjectNode logMessage(LogLevel level, String logger, JsonNode data) {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.put("level", level.wireName());
    if (logger != null) {
      params.put("logger", logger);
    }
    params.set("data", data);
    return notification("notifications/message", params);
  }

  static ObjectNode notification(String method, ObjectNode params) {
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.put("jsonrpc", "2.0");
    message.put("method", method);
    message.set("params", params);
    return message;
  }
}
