package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC error to send back instead of a result. The message is meant for the client: it names what was wrong
 * and where, and never carries a stack trace or a secret.
 */
public final class JsonRpcException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Invalid JSON was received. */
  public static final int PARSE_ERROR = -32700;
  /** The JSON is not a valid JSON-RPC message. */
  public static final int INVALID_REQUEST = -32600;
  /** The method does not exist or is not available in the negotiated revision. */
  public static final int METHOD_NOT_FOUND = -32601;
  /** Invalid method parameters: also an unknown tool, a bad cursor or an unknown log level. */
  public static final int INVALID_PARAMS = -32602;
  /** An internal error; the message stays generic. */
  public static final int INTERNAL_ERROR = -32603;

  private final int code;
  private final transient JsonNode id;

  /**
   * @param id the id of the request this error answers, or null when it is unknown (then {@code id} is null on the
   *     wire)
   */
  public JsonRpcException(int code, String message, JsonNode id) {
    super(message, null, false, false);
    this.code = code;
    this.id = id;
  }

  public static JsonRpcException invalidParams(String message) {
    return new JsonRpcException(INVALID_PARAMS, message, null);
  }

  public static JsonRpcException invalidRequest(String message) {
    return new JsonRpcException(INVALID_REQUEST, message, null);
  }

  public int code() {
    return code;
  }

  /** The request id, or null when the failing message had none that could be read. */
  public JsonNode id() {
    return id;
  }
}
