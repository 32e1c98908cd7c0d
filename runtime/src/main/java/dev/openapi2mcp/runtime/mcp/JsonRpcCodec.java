package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads and writes JSON-RPC 2.0 messages. Thread-safe.
 *
 * <p>Written messages never contain a raw line break (JSON escapes them inside strings and the mapper does not
 * indent), so one message is always one line on stdio.
 */
public final class JsonRpcCodec {

  private static final String BATCH_MESSAGE =
      "Batch requests are not supported: JSON-RPC batching was removed from MCP in revision 2025-06-18;"
          + " send one message per request";

  private final ObjectMapper mapper;

  public JsonRpcCodec() {
    this.mapper = JsonMapper.builder()
        // "{...} garbage" on one line is one malformed message, not a message and some noise.
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /** The mapper shared by the protocol core; callers must not reconfigure it. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Parses one message.
   *
   * @throws JsonRpcException {@code -32700} for text that is not JSON, {@code -32600} for JSON that is not a single
   *     JSON-RPC message (batches included), {@code -32602} for a request whose params are not an object; the
   *     exception carries the request id when one could be read
   */
  public JsonRpcMessage read(byte[] json) throws JsonRpcException {
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (IOException e) {
      throw parseError();
    }
    return read(tree);
  }

  /** As {@link #read(byte[])}, for text. */
  public JsonRpcMessage read(String json) throws JsonRpcException {
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (IOException e) {
      throw parseError();
    }
    return read(tree);
  }

  private static JsonRpcException parseError() {
    return new JsonRpcException(JsonRpcException.PARSE_ERROR, "Parse error: the message is not valid JSON", null);
  }

  /** Classifies a parsed JSON value; see {@link #read(byte[])}. */
  public JsonRpcMessage read(JsonNode tree) throws JsonRpcException {
    if (tree == null || tree.isMissingNode()) {
      throw parseError();
    }
    if (tree.isArray()) {
      throw new JsonRpcException(JsonRpcException.INVALID_REQUEST, BATCH_MESSAGE, null);
    }
    if (!tree.isObject()) {
      throw new JsonRpcException(
          JsonRpcException.INVALID_REQUEST, "Invalid request: a JSON-RPC message must be a JSON object", null);
    }
    JsonNode idNode = tree.get("id");
    boolean hasId = idNode != null;
    boolean validId = hasId && (idNode.isTextual() || idNode.isNumber());
    JsonNode id = validId ? idNode : null;
    if (!"2.0".equals(textOrNull(tree.get("jsonrpc")))) {
      throw new JsonRpcException(
          JsonRpcException.INVALID_REQUEST, "Invalid request: \"jsonrpc\" must be \"2.0\"", id);
    }
    if (hasId && !validId) {
      throw new JsonRpcException(
          JsonRpcException.INVALID_REQUEST, "Invalid request: \"id\" must be a string or a number", null);
    }
    JsonNode methodNode = tree.get("method");
    if (methodNode != null) {
      if (!methodNode.isTextual()) {
        throw new JsonRpcException(
            JsonRpcException.INVALID_REQUEST, "Invalid request: \"method\" must be a string", id);
      }
      String method = methodNode.textValue();
      JsonNode paramsNode = tree.get("params");
      ObjectNode params;
      if (paramsNode == null || paramsNode.isNull()) {
        params = JsonNodeFactory.instance.objectNode();
      } else if (paramsNode.isObject()) {
        params = (ObjectNode) paramsNode;
      } else {
        throw new JsonRpcException(
            hasId ? JsonRpcException.INVALID_PARAMS : JsonRpcException.INVALID_REQUEST,
            "Invalid params of " + method + ": \"params\" must be an object",
            id);
      }
      return hasId ? new JsonRpcMessage.Request(id, method, params) : new JsonRpcMessage.Notification(method, params);
    }
    boolean hasResult = tree.has("result");
    boolean hasError = tree.has("error");
    if (hasId && hasResult != hasError) {
      return hasResult ? new JsonRpcMessage.Response(id, tree.get("result"), null)
          : new JsonRpcMessage.Response(id, null, tree.get("error"));
    }
    throw new JsonRpcException(
        JsonRpcException.INVALID_REQUEST,
        "Invalid request: expected a request (\"method\" and \"id\"), a notification (\"method\")"
            + " or a response (\"id\" and either \"result\" or \"error\")",
        id);
  }

  private static String textOrNull(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  /** A success response. */
  public ObjectNode result(JsonNode id, JsonNode result) {
    ObjectNode response = envelope();
    response.set("id", id);
    response.set("result", result);
    return response;
  }

  /** An error response; {@code id} null writes {@code "id": null} as JSON-RPC requires for unreadable requests. */
  public ObjectNode error(JsonNode id, int code, String message) {
    ObjectNode response = envelope();
    response.set("id", id == null ? NullNode.getInstance() : id);
    ObjectNode error = response.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return response;
  }

  /** The error response for an exception, answering the id the exception carries. */
  public ObjectNode error(JsonRpcException exception) {
    return error(exception.id(), exception.code(), exception.getMessage());
  }

  /** A server-to-client request. */
  public ObjectNode request(JsonNode id, String method, ObjectNode params) {
    ObjectNode message = envelope();
    message.set("id", id);
    message.put("method", method);
    message.set("params", params);
    return message;
  }

  /** A server-to-client notification. */
  public ObjectNode notification(String method, ObjectNode params) {
    ObjectNode message = envelope();
    message.put("method", method);
    message.set("params", params);
    return message;
  }

  private static ObjectNode envelope() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("jsonrpc", "2.0");
    return node;
  }

  /** Serializes a message as compact UTF-8 JSON. */
  public byte[] write(JsonNode message) {
    try {
      return mapper.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      // A tree of Jackson nodes always serializes; reaching this is a bug, not bad input.
      throw new UncheckedIOException(e);
    }
  }
}
