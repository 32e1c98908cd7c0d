package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/**
 * Answers one request method. A handler either throws {@link JsonRpcException} for a request it rejects up front, or
 * returns the future result; a future that fails with a {@link JsonRpcException} becomes that error too.
 */
@FunctionalInterface
interface MethodHandler {

  CompletableFuture<JsonNode> handle(RequestContext context) throws JsonRpcException;
}
