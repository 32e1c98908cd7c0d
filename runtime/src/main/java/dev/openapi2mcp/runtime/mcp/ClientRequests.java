package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The requests this server sent to one client and still waits for (issue 5: {@code elicitation/create}).
 *
 * <p>Invariants: ids are chosen here, are strings ({@code openapi2mcp-<n>}) and are never reused within the session;
 * every request ends, with the client's answer, a {@link ClientErrorException}, a
 * {@link java.util.concurrent.TimeoutException} after its timeout, or an {@link UndeliverableException}, and then
 * leaves the table, so a late answer counts as unknown. An answer whose id is not waiting is ignored with a log line.
 * Thread-safe.
 */
final class ClientRequests {
  private static final Logger LOG = Logger.getLogger(ClientRequests.class.getName());
  private static final String ID_PREFIX = "openapi2mcp-";

  private final AtomicLong next = new AtomicLong();
  private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

  /** The client answered with a JSON-RPC error. */
  static final class ClientErrorException extends Exception {
    private final int code;

    ClientErrorException(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    int code() {
      return code;
    }
  }

  /** The request could not be handed to any channel to the client. */
  static final class UndeliverableException extends Exception {
    UndeliverableException() {
      super("no channel to the client took the request", null, false, false);
    }
  }

  /**
   * Sends a request over {@code channel}.
   *
   * @return the client's result; see the class comment for how it fails
   */
  CompletableFuture<JsonNode> send(String method, ObjectNode params, ServerMessageSink channel, Duration timeout) {
    String id = ID_PREFIX + next.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    waiting.put(id, answer);
    answer.whenComplete((result, failure) -> waiting.remove(id, answer));
    answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.put("jsonrpc", "2.0");
    message.put("id", id);
    message.put("method", method);
    message.set("params", params);
    if (!channel.send(message)) {
      answer.completeExceptionally(new UndeliverableException());
    }
    return answer;
  }

  /** Hands a client's response to the request waiting for it; false (and a log line) when none waits. */
  boolean complete(JsonRpcMessage.Response response) {
    JsonNode id = response.id();
    CompletableFuture<JsonNode> answer = id.isTextual() ? waiting.get(id.textValue()) : null;
    if (answer == null) {
      LOG.warning(() -> "ignored a response to an unknown or expired request id " + Texts.clip(id.toString()));
      return false;
    }
    if (response.error() != null) {
      answer.completeExceptionally(new ClientErrorException(
          response.error().path("code").asInt(JsonRpcException.INTERNAL_ERROR),
          Texts.clip(response.error().path("message").asText(""))));
    } else {
      answer.complete(response.result());
    }
    return true;
  }

  /** How many requests wait for an answer. */
  int size() {
    return waiting.size();
  }

  /** Ends every waiting request as undeliverable, e.g. when the session ends. */
  void abandonAll() {
    for (CompletableFuture<JsonNode> answer : List.copyOf(waiting.values())) {
      answer.completeExceptionally(new UndeliverableException());
    }
  }
}
