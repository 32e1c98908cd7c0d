package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** {@code logging/setLevel}: the threshold of {@code notifications/message} for the session. */
final class SetLevelHandler implements MethodHandler {
  private static final String LEVELS =
      Arrays.stream(LogLevel.values()).map(LogLevel::wireName).collect(Collectors.joining(", "));

  @Override
  public CompletableFuture<JsonNode> handle(RequestContext context) throws JsonRpcException {
    JsonNode level = context.params().get("level");
    if (level == null || !level.isTextual()) {
      throw JsonRpcException.invalidParams("logging/setLevel: \"level\" (string) is required; one of " + LEVELS);
    }
    LogLevel parsed = LogLevel.fromWireName(level.textValue())
        .orElseThrow(() -> JsonRpcException.invalidParams(
            "logging/setLevel: unknown level '" + Texts.clip(level.textValue()) + "'; expected one of " + LEVELS));
    context.session().setLogLevel(parsed);
    return CompletableFuture.completedFuture(JsonNodeFactory.instance.objectNode());
  }
}
