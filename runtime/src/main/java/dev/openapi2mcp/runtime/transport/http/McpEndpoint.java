package dev.openapi2mcp.runtime.transport.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.auth.AuthDecision;
import dev.openapi2mcp.runtime.auth.InboundAuth;
import dev.openapi2mcp.runtime.auth.Principal;
import dev.openapi2mcp.runtime.auth.ProtectedResourceMetadata;
import dev.openapi2mcp.runtime.mcp.JsonRpcException;
import dev.openapi2mcp.runtime.mcp.JsonRpcMessage;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpSession;
import dev.openapi2mcp.runtime.mcp.ProtocolRevision;
import dev.openapi2mcp.runtime.tool.InboundHeaders;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The MCP endpoint of Streamable HTTP: POST carries one client message, GET opens an event stream for
 * server-initiated messages, DELETE ends a session. Checks run in a fixed order (Origin and Host, path, method,
 * media types, size, JSON, protocol version, session) and each failure has its own status; error bodies are
 * JSON-RPC error responses and never carry stack traces.
 *
 * <p>Inbound auth (issue 5): after the Origin and path checks, every request's credentials are checked by the
 * {@link InboundAuth}; a refusal is answered with its status and {@code WWW-Authenticate} before the protocol sees
 * the request. The authenticated principal becomes the session's caller, and a session answers only the principal
 * that opened it (anyone else gets 404, as if it did not exist), so a leaked session id alone is worth nothing.
 * The RFC 9728 metadata document, when the auth has one, is served at its well-known paths without authentication.
 *
 * <p>In stateless mode (issue 5) no session is issued or looked up: each POST is served on its own with a session
 * that ends with the response (an {@code initialize} is answered and forgotten; other messages take their revision
 * from the {@code MCP-Protocol-Version} header), and GET and DELETE get 405, so any replica can answer any POST.
 * Inbound auth still runs on every request, and the principal (or, without auth, the remote address) is the caller
 * that per-caller rate limits count. A request's progress and log messages still ride on its own POST; what needs a
 * later message to reach the same call (elicitation answers, {@code notifications/cancelled}) cannot work, since
 * that message may reach another replica: cancellations find no call and are ignored.
 */
final class McpEndpoint implements HttpCallHandler {
  private static final Logger LOG = Logger.getLogger(McpEndpoint.class.getName());

  static final String PATH = "/mcp";
  static final String SESSION_HEADER = "Mcp-Session-Id";
  static final String VERSION_HEADER = "MCP-Protocol-Version";

  private final McpServer server;
  private final HttpSessions sessions;
  private final OriginPolicy originPolicy;
  private final int maxBodyBytes;
  private final BooleanSupplier closing;
  private final Supplier<InboundAuth> auth;
  private final boolean stateless;

  /**
   * @param auth the inbound auth; null until it is ready, and requests are refused until then
   * @param stateless serve each POST on its own, without sessions
   */
  McpEndpoint(McpServer server, HttpSessions sessions, OriginPolicy originPolicy, int maxBodyBytes,
      BooleanSupplier closing, Supplier<InboundAuth> auth, boolean stateless) {
    this.server = server;
    this.sessions = sessions;
    this.originPolicy = originPolicy;
    this.maxBodyBytes = maxBodyBytes;
    this.closing = closing;
    this.auth = auth;
    this.stateless = stateless;
  }

  @Override
  public void handle(HttpCall call) {
    if (!originPolicy.allowsOrigin(call.header("Origin")) || !originPolicy.allowsHost(call.header("Host"))) {
      LOG.fine("refused a request from a foreign Origin or Host (DNS rebinding protection)");
      error(call, 403, JsonRpcException.INVALID_REQUEST,
          "Forbidden: the request's Origin or Host is not allowed for this server");
      return;
    }
    InboundAuth inbound = auth.get();
    if (inbound == null) {
      error(call, 503, JsonRpcException.INTERNAL_ERROR, "Service unavailable: the server is starting");
      return;
    }
    Optional<ProtectedResourceMetadata> metadata = inbound.metadata();
    if (metadata.isPresent() && metadata.get().servedPaths().contains(call.path())) {
      metadata(call, metadata.get());
      return;
    }
    if (!PATH.equals(call.path())) {
      error(call, 404, JsonRpcException.INVALID_REQUEST, "Not found: the MCP endpoint is " + PATH);
      return;
    }
    AuthDecision decision = inbound.authenticate(call::header);
    if (decision instanceof AuthDecision.Refused refused) {
      Map<String, String> headers = refused.challenge() == null
          ? Map.of() : Map.of("WWW-Authenticate", refused.challenge());
      respondJson(call, refused.status(), headers,
          server.codec().error(null, JsonRpcException.INVALID_REQUEST, refused.message()));
      return;
    }
    Principal principal = ((AuthDecision.Allowed) decision).principal();
    if (closing.getAsBoolean()) {
      error(call, 503, JsonRpcException.INTERNAL_ERROR, "Service unavailable: the server is shutting down");
      return;
    }
    if (stateless && !call.method().equals("POST")) {
      // No sessions to end and no stream to open: the spec's answer for both is 405.
      call.respond(405, Map.of("Allow", "POST"), null, null);
      return;
    }
    switch (call.method()) {
      case "POST" -> post(call, principal);
      case "GET" -> get(call, principal);
      case "DELETE" -> delete(call, principal);
      default -> call.respond(405, Map.of("Allow", "GET, POST, DELETE"), null, null);
    }
  }

  private static void metadata(HttpCall call, ProtectedResourceMetadata metadata) {
    if (!call.method().equals("GET")) {
      call.respond(405, Map.of("Allow", "GET"), null, null);
      return;
    }
    // Public by design (RFC 9728): browser-based clients read it from other origins before they hold a token.
    call.respond(200, Map.of("Access-Control-Allow-Origin", "*", "Cache-Control", "max-age=3600"), MediaTypes.JSON,
        metadata.json());
  }

  private void post(HttpCall call, Principal principal) {
    if (!MediaTypes.isJson(call.header("Content-Type"))) {
      error(call, 415, JsonRpcException.INVALID_REQUEST,
          "Unsupported Media Type: POST bodies must be application/json");
      return;
    }
    String accept = call.header("Accept");
    if (!MediaTypes.accepts(accept, MediaTypes.JSON) || !MediaTypes.accepts(accept, MediaTypes.EVENT_STREAM)) {
      error(call, 406, JsonRpcException.INVALID_REQUEST,
          "Not Acceptable: the Accept header must list both application/json and text/event-stream");
      return;
    }
    call.body(maxBodyBytes).whenComplete((body, failure) -> {
      if (failure != null) {
        error(call, 400, JsonRpcException.INVALID_REQUEST, "Bad Request: the request body could not be read");
      } else {
        postBody(call, principal, body);
      }
    });
  }

  /** Continues a POST once its body is read, possibly on another thread than the one that started it. */
  private void postBody(HttpCall call, Principal principal, byte[] body) {
    try {
      post(call, principal, body);
    } catch (RuntimeException e) {
      // The body may complete on another thread than the engine's guard against handler failures runs on.
      LOG.log(Level.WARNING, "HTTP handler failed", e);
      try {
        error(call, 500, JsonRpcException.INTERNAL_ERROR, "Internal error");
      } catch (IllegalStateException answered) {
        // The failure came after the answer: nothing left to send.
      }
    }
  }

  private void post(HttpCall call, Principal principal, byte[] body) {
    if (body == null) {
      error(call, 413, JsonRpcException.INVALID_REQUEST,
          "Payload Too Large: a message may hold at most " + maxBodyBytes + " bytes");
      return;
    }
    JsonRpcMessage message;
    try {
      message = server.codec().read(body);
    } catch (JsonRpcException e) {
      respondJson(call, 400, Map.of(), server.errorResponse(e));
      return;
    }
    if (stateless) {
      postStateless(call, message, principal);
      return;
    }
    if (server.startsSession(message)) {
      initialize(call, message, principal);
      return;
    }
    Optional<HttpSession> session = session(call, principal);
    if (session.isEmpty()) {
      return;
    }
    answer(call, message, session.get().mcp());
  }

  /** Serves a POST without sessions; an {@code Mcp-Session-Id} the client sends anyway is ignored. */
  private void postStateless(HttpCall call, JsonRpcMessage message, Principal principal) {
    String caller = principal == null ? call.remoteAddress() : principal.name();
    if (server.startsSession(message)) {
      // Negotiates and describes the server like any initialize; the session is dropped with the response.
      answer(call, message, new McpSession(null, caller));
      return;
    }
    headerRevision(call).ifPresent(revision -> answer(call, message, McpSession.stateless(caller, revision)));
  }

  private void answer(HttpCall call, JsonRpcMessage message, McpSession session) {
    if (message instanceof JsonRpcMessage.Request) {
      // What the server sends for this request before its response rides on this POST (issue 5).
      RequestStream reply = new RequestStream(call, server.codec());
      // Tools see the POST's headers, of which the executor forwards only those the operator allowed (issue 5).
      server.handle(message, session, reply, InboundHeaders.of(call.headers())).thenAccept(reply::finish);
      return;
    }
    server.handle(message, session).thenAccept(response -> call.respond(202, Map.of(), null, null));
  }

  private void initialize(HttpCall call, JsonRpcMessage message, Principal principal) {
    if (call.header(SESSION_HEADER) != null) {
      error(call, 400, JsonRpcException.INVALID_REQUEST,
          "Bad Request: initialize opens a new session and must not carry " + SESSION_HEADER);
      return;
    }
    String holder = principal == null ? call.remoteHost() : principal.name();
    if (refused(call, sessions.admission(holder))) {
      return;
    }
    HttpSession session = principal == null
        ? sessions.create(call.remoteAddress(), null, holder)
        : sessions.create(principal.name(), principal.name(), holder);
    session.mcp().setSink(notification -> session.streams().send(server.codec().write(notification)));
    server.handle(message, session.mcp()).thenAccept(response -> {
      if (!session.mcp().isInitialized()) {
        respondJson(call, 200, Map.of(), response); // a JSON-RPC error: no session was opened
      } else if (!refused(call, sessions.register(session))) {
        respondJson(call, 200, Map.of(SESSION_HEADER, session.id()), response);
      } else {
        session.close();
      }
    });
  }

  /**
   * Answers a refused session with its reason; false when it was admitted. A holder at its own cap gets 429 rather
   * than having its oldest session evicted: eviction would let any client sharing the holder (another client of
   * the same principal, or behind the same address) silently end sessions in use, and the refusal names the remedy.
   */
  private boolean refused(HttpCall call, HttpSessions.Admission admission) {
    switch (admission) {
      case SERVER_FULL -> error(call, 503, JsonRpcException.INTERNAL_ERROR,
          "Service unavailable: too many open sessions");
      case HOLDER_FULL -> error(call, 429, JsonRpcException.INVALID_REQUEST, "Too Many Requests: this client "
          + "already holds the maximum number of sessions; end one with DELETE or let one expire");
      default -> {
        return false;
      }
    }
    return true;
  }

  private void get(HttpCall call, Principal principal) {
    if (!MediaTypes.accepts(call.header("Accept"), MediaTypes.EVENT_STREAM)) {
      error(call, 406, JsonRpcException.INVALID_REQUEST,
          "Not Acceptable: GET opens an event stream; the Accept header must list text/event-stream");
      return;
    }
    Optional<HttpSession> session = session(call, principal);
    if (session.isEmpty()) {
      return;
    }
    EventStreams streams = session.get().streams();
    if (streams.isFull()) {
      error(call, 409, JsonRpcException.INVALID_REQUEST,
          "Conflict: this session already has the maximum number of open event streams");
      return;
    }
    try {
      EventStream stream = call.openEventStream(Map.of());
      // A comment first, so that the client sees the stream is live before any message exists.
      stream.write(": stream open\n\n");
      if (!streams.add(stream)) {
        LOG.fine("event stream refused: session closed or full meanwhile");
      }
    } catch (IOException e) {
      LOG.fine(() -> "event stream could not be opened: " + e.getClass().getSimpleName());
    }
  }

  private void delete(HttpCall call, Principal principal) {
    Optional<HttpSession> session = session(call, principal);
    if (session.isEmpty()) {
      return;
    }
    sessions.remove(session.get().id());
    call.respond(200, Map.of(), null, null);
  }

  /**
   * The request's session after checking the protocol-version header; when there is none, or it belongs to another
   * principal, the error response has been sent and the result is empty.
   */
  private Optional<HttpSession> session(HttpCall call, Principal principal) {
    if (headerRevision(call).isEmpty()) {
      return Optional.empty();
    }
    String id = call.header(SESSION_HEADER);
    if (id == null || id.isBlank()) {
      error(call, 400, JsonRpcException.INVALID_REQUEST,
          "Bad Request: the " + SESSION_HEADER + " header is required; send initialize first to get one");
      return Optional.empty();
    }
    String owner = principal == null ? null : principal.name();
    Optional<HttpSession> session = sessions.find(id.trim())
        .filter(found -> Objects.equals(found.owner(), owner));
    if (session.isEmpty()) {
      error(call, 404, JsonRpcException.INVALID_REQUEST,
          "Session not found: it ended or expired; send initialize to start a new session");
    }
    return session;
  }

  /**
   * The revision the {@code MCP-Protocol-Version} header names; without the header 2025-03-26, which the spec tells
   * servers to assume when nothing else says. Empty after a 400 for an unsupported version.
   */
  private Optional<ProtocolRevision> headerRevision(HttpCall call) {
    String version = call.header(VERSION_HEADER);
    if (version == null) {
      return Optional.of(ProtocolRevision.V2025_03_26);
    }
    Optional<ProtocolRevision> revision = ProtocolRevision.find(version.trim());
    if (revision.isEmpty()) {
      error(call, 400, JsonRpcException.INVALID_REQUEST, "Bad Request: unsupported " + VERSION_HEADER + " '"
          + clip(version) + "'; supported versions are " + String.join(", ", ProtocolRevision.supportedIds()));
    }
    return revision;
  }

  private void error(HttpCall call, int status, int code, String message) {
    respondJson(call, status, Map.of(), server.codec().error(null, code, message));
  }

  private void respondJson(HttpCall call, int status, Map<String, String> headers, ObjectNode body) {
    call.respond(status, headers, MediaTypes.JSON, server.codec().write(body));
  }

  private static String clip(String text) {
    String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
