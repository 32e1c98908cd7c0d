package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One well-formed JSON-RPC 2.0 message received from the client. {@link JsonRpcCodec#read} produces these; anything
 * that is not one of the three shapes is rejected there.
 */
public sealed interface JsonRpcMessage {

  /**
   * A request: it expects exactly one response with the same id.
   *
   * @param id a JSON string or number, as received (echoed back unchanged)
   * @param params the params object; empty when the message had none
   */
  record Request(JsonNode id, String method, ObjectNode params) implements JsonRpcMessage {
    public Request {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(params, "params");
    }
  }

  /**
   * A notification: no response, ever.
   *
   * @param params the params object; empty when the message had none
   */
  record Notification(String method, ObjectNode params) implements JsonRpcMessage {
    public Notification {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(params, "params");
    }
  }

  /**
   * A response to a request the server sent ({@code elicitation/create}); exactly one of {@code result} and
   * {@code error} is non-null.
   *
   * @param id the id of the server's request
   * @param result the result, or null for an error response
   * @param error the error object, or null for a success response
   */
  record Response(JsonNode id, JsonNode result, JsonNode error) implements JsonRpcMessage {
    public Response {
      Objects.requireNonNull(id, "id");
      if ((result == null) == (error == null)) {
        throw new IllegalArgumentException("a response holds exactly one of result and error");
      }
    }

    /** A success response with an empty result, for tests that only care about the id. */
    public Response(JsonNode id) {
      this(id, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), null);
    }
  }
}
