package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/** {@code initialize}: negotiates the revision and describes the server. */
final class InitializeHandler implements MethodHandler {
  private static final Logger LOG = Logger.getLogger(InitializeHandler.class.getName());

  private final ServerDefinition definition;

  InitializeHandler(ServerDefinition definition) {
    this.definition = definition;
  }

  @Override
  public CompletableFuture<JsonNode> handle(RequestContext context) throws JsonRpcException {
    JsonNode requested = context.params().get("protocolVersion");
    if (requested == null || !requested.isTextual()) {
      throw JsonRpcException.invalidParams("initialize: \"protocolVersion\" (string) is required in params");
    }
    ProtocolRevision revision = ProtocolRevision.negotiate(requested.textValue());
    String client = context.params().path("clientInfo").path("name").asText("");
    if (!context.session().initialize(revision, client, context.params().get("capabilities"))) {
      throw JsonRpcException.invalidRequest("Session already initialized: initialize may be sent only once");
    }
    LOG.fine(() -> "initialized session for client '" + client + "', revision " + revision.id()
        + " (requested " + requested.textValue() + ")");
    return CompletableFuture.completedFuture(result(revision));
  }

  private ObjectNode result(ProtocolRevision revision) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.put("protocolVersion", revision.id());
    ObjectNode capabilities = result.putObject("capabilities");
    capabilities.putObject("tools").put("listChanged", false);
    capabilities.putObject("logging");
    ObjectNode serverInfo = result.putObject("serverInfo");
    serverInfo.put("name", definition.name());
    serverInfo.put("version", definition.version());
    if (revision.hasTitles() && definition.title() != null) {
      serverInfo.put("title", definition.title());
    }
    if (definition.instructions() != null) {
      result.put("instructions", definition.instructions());
    }
    return result;
  }
}
