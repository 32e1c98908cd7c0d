package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;

/** Drives an {@link McpServer} with JSON text, as a transport would, and waits for each answer. */
final class Conversation {
  final McpServer server;
  final McpSession session;

  Conversation(McpServer server, McpSession session) {
    this.server = server;
    this.session = session;
  }

  /** Sends one message; returns the response, or null when there is none. */
  ObjectNode send(String json) {
    try {
      JsonRpcMessage message = server.codec().read(json);
      return server.handle(message, session).get(10, TimeUnit.SECONDS);
    } catch (JsonRpcException e) {
      return server.errorResponse(e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  ObjectNode request(int id, String method, String paramsJson) {
    return send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
  }

  JsonNode result(int id, String method, String paramsJson) {
    ObjectNode response = request(id, method, paramsJson);
    if (!response.has("result")) {
      throw new AssertionError("expected a result, got " + response);
    }
    return response.get("result");
  }

  ObjectNode initialize(String version) {
    ObjectNode response = request(0, "initialize",
        "{\"protocolVersion\":\"" + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}");
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return response;
  }
}
